package org.txlab.course.txlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run asks a store to do, as data: transactions of puts and reads, checkpoints, and quiet
 * times in which the operating system writes everything back. It knows what every read must return
 * and the state after each commit.
 *
 * @param steps the steps, in order
 */
public record Workload(List<Step> steps) {

  /** One step. */
  public enum Kind {
    /** {@code store.begin()}. */
    BEGIN,
    /** {@code tx.put(key, value)}. */
    PUT,
    /** {@code tx.get(key)}: must see the transaction's own writes. */
    TX_GET,
    /** {@code store.get(key)}: must see committed values only. */
    GET,
    /** {@code store.snapshot()}. */
    SNAPSHOT,
    /** {@code tx.commit()}. */
    COMMIT,
    /** The open transaction is dropped without a commit. */
    ABANDON,
    /** {@code store.checkpoint()}. */
    CHECKPOINT,
    /** The operating system writes everything back (not a store call). */
    SETTLE
  }

  /**
   * One step.
   *
   * @param kind what
   * @param key the key, or {@code ""}
   * @param value the value, or {@code ""}
   */
  public record Step(Kind kind, String key, String value) {}

  /** Builds a workload step by step. */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();

    /** Adds a committed transaction of puts, in order. */
    public Builder commit(Map<String, String> puts) {
      steps.add(new Step(Kind.BEGIN, "", ""));
      puts.forEach((k, v) -> steps.add(new Step(Kind.PUT, k, v)));
      steps.add(new Step(Kind.COMMIT, "", ""));
      return this;
    }

    /** Adds a step. */
    public Builder step(Kind kind, String key, String value) {
      steps.add(new Step(kind, key, value));
      return this;
    }

    /** Adds a step without a key. */
    public Builder step(Kind kind) {
      return step(kind, "", "");
    }

    /** Returns the workload. */
    public Workload build() {
      return new Workload(List.copyOf(steps));
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the committed state after each commit: index 0 before any, index i after the i-th.
   *
   * @param start the state before the run
   * @return the states
   */
  public List<Map<String, String>> states(Map<String, String> start) {
    List<Map<String, String>> states = new ArrayList<>();
    Map<String, String> committed = new TreeMap<>(start);
    states.add(Map.copyOf(committed));
    Map<String, String> open = null;
    for (Step s : steps) {
      switch (s.kind()) {
        case BEGIN -> open = new LinkedHashMap<>();
        case PUT -> open.put(s.key(), s.value());
        case COMMIT -> {
          committed.putAll(open);
          states.add(Map.copyOf(committed));
          open = null;
        }
        case ABANDON -> open = null;
        default -> {
          // Reads, checkpoints and quiet times change nothing.
        }
      }
    }
    return states;
  }

  /**
   * Returns what each read step must return, in order (a snapshot as {@link States#encode}).
   *
   * @param start the state before the run
   * @return one entry per {@code TX_GET}, {@code GET} and {@code SNAPSHOT} step; {@code null} for a
   *     key without a value
   */
  public List<String> expectedReads(Map<String, String> start) {
    List<String> reads = new ArrayList<>();
    Map<String, String> committed = new TreeMap<>(start);
    Map<String, String> open = null;
    for (Step s : steps) {
      switch (s.kind()) {
        case BEGIN -> open = new LinkedHashMap<>();
        case PUT -> open.put(s.key(), s.value());
        case TX_GET ->
            reads.add(open.containsKey(s.key()) ? open.get(s.key()) : committed.get(s.key()));
        case GET -> reads.add(committed.get(s.key()));
        case SNAPSHOT -> reads.add(States.encode(committed));
        case COMMIT -> {
          committed.putAll(open);
          open = null;
        }
        case ABANDON -> open = null;
        default -> {
          // Checkpoints and quiet times read nothing.
        }
      }
    }
    return reads;
  }

  /** Returns the workload as one token without spaces (see {@link #decode}). */
  public String encode() {
    List<String> parts = new ArrayList<>();
    Base64.Encoder b = Base64.getEncoder();
    for (Step s : steps) {
      parts.add(
          s.kind().ordinal()
              + ":"
              + b.encodeToString(s.key().getBytes(StandardCharsets.UTF_8))
              + ":"
              + b.encodeToString(s.value().getBytes(StandardCharsets.UTF_8)));
    }
    return String.join(",", parts);
  }

  /**
   * Reads a workload that {@link #encode} wrote.
   *
   * @param token the token
   * @return the workload
   */
  public static Workload decode(String token) {
    List<Step> steps = new ArrayList<>();
    Base64.Decoder d = Base64.getDecoder();
    if (!token.isEmpty()) {
      for (String part : token.split(",")) {
        String[] f = part.split(":", -1);
        steps.add(
            new Step(
                Kind.values()[Integer.parseInt(f[0])],
                new String(d.decode(f[1]), StandardCharsets.UTF_8),
                new String(d.decode(f[2]), StandardCharsets.UTF_8)));
      }
    }
    return new Workload(List.copyOf(steps));
  }
}
