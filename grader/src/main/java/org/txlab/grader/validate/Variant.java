package org.txlab.grader.validate;

import java.nio.file.Path;
import java.util.Set;

/**
 * One solution to validate the hidden tests against, with what it must score.
 *
 * @param name how reports name it, e.g. {@code reference} or {@code buggy/no-transaction}
 * @param description what it is, from its first comment line
 * @param sources the folder holding its {@code .java} files, ready to grade
 * @param kind what it is, which fixes what it must score
 * @param expectedLosses for a buggy variant, the categories where it must lose points (and it must
 *     lose none elsewhere); empty otherwise
 */
public record Variant(
    String name, String description, Path sources, Kind kind, Set<String> expectedLosses) {

  /** What a variant is. */
  public enum Kind {
    /** The reference solution: must score 100 %. */
    REFERENCE,
    /** The generated starter: must score 0. */
    STARTER,
    /** An honest solution in another style: must score 100 %. */
    HONEST,
    /** A known-buggy variant: must lose points exactly in its declared categories. */
    BUGGY
  }

  /** Copies the categories. */
  public Variant {
    expectedLosses = Set.copyOf(expectedLosses);
  }
}
