package org.txlab.grader.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * One student's hand-in, before compiling.
 *
 * @param student the student's id, from the file or folder name
 * @param origin what was handed in, e.g. {@code alice.zip}
 * @param files the student's files, copied or extracted into the work directory
 * @param problem why it cannot be graded, or {@code null}
 */
public record StudentSubmission(String student, String origin, List<Path> files, String problem) {

  /** Creates a submission, copying the file list. */
  public StudentSubmission {
    files = List.copyOf(files);
  }
}
