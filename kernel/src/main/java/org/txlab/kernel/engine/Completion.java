package org.txlab.kernel.engine;

import java.util.List;

/**
 * Completion candidates and the part of the cell they replace.
 *
 * @param matches the candidate texts
 * @param start offset where the replaced text starts
 * @param end offset where the replaced text ends
 */
public record Completion(List<String> matches, int start, int end) {

  /** Copies the matches. */
  public Completion {
    matches = List.copyOf(matches);
  }
}
