package org.txlab.grader.validate;

import java.nio.file.Path;
import java.util.Set;
import org.txlab.grader.suite.Category;

/**
 * One source tree to validate the hidden tests against, with what it must score.
 *
 * @param name how the report names it, e.g. {@code reference} or {@code no-transaction}
 * @param sourceDir its {@code .java} files
 * @param kind what it is, which fixes what it must score
 * @param expectedLosses for a buggy variant, the categories where it must lose points (and it must
 *     lose none elsewhere); empty otherwise
 */
public record Variant(String name, Path sourceDir, Kind kind, Set<Category> expectedLosses) {

  /** What a variant is. */
  public enum Kind {
    /** The reference solution: must score 100 %. */
    REFERENCE,
    /** The generated starter: must score 0. */
    STARTER,
    /** A known-buggy variant: must lose points exactly in its declared categories. */
    BUGGY
  }

  /** Creates a variant, copying the categories. */
  public Variant {
    expectedLosses = Set.copyOf(expectedLosses);
  }
}
