package org.txlab.grader.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiled student code to grade.
 *
 * @param name how reports name it, e.g. the student's id
 * @param classpath the directories or jars with the student's classes; never empty
 * @param implementation the fully qualified name of the class under test
 */
public record Submission(String name, List<Path> classpath, String implementation) {

  /** JUnit configuration parameter holding {@link #classpath}, joined with the path separator. */
  public static final String CLASSPATH_PARAMETER = "txlab.submission.classpath";

  /** JUnit configuration parameter holding {@link #implementation}. */
  public static final String IMPLEMENTATION_PARAMETER = "txlab.submission.implementation";

  /** Creates a submission, copying the classpath. */
  public Submission {
    classpath = List.copyOf(classpath);
  }
}
