package org.txlab.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The answer key of the quiz's practice questions, as salted hashes, so that a notebook can check
 * them at once (the answer is not in plain sight, though four letters are quickly tried: these
 * questions are for practice). The graded questions' key is not in the course library at all: it is
 * a resource of the grader ({@code org/txlab/grader/quiz/key.properties}), never in the student
 * release, so in a notebook nothing here can tell a right graded answer from a wrong one.
 */
public final class QuizKey {

  private static final Map<String, String> PRACTICE =
      Map.ofEntries(
          Map.entry(
              "rollback-after-unique",
              "e94c8498cc9bcfc5113c0c7abf746861a25d32539bcbd246484d9806fd697f5d"),
          Map.entry(
              "commit-after-unique",
              "51bf22780f7d5bc77c1f65488925650a020024faf95d3513b4bee59105377ca7"),
          Map.entry(
              "close-open-transaction",
              "47f7ba23f6690c4db61d54ab9c16a6bc9be5337a60341df4b0d86e4baeb9837b"),
          Map.entry(
              "fsync-wal-normal",
              "5b99a82e911412e536c055d6c624723c65537f49683b2bd310ff9a675523de10"),
          Map.entry(
              "per-request-ratio",
              "23dd3a2bfa11aadc77c4264ee6e63f5fa76e01f18405bfadca3559558a93bb4d"),
          Map.entry(
              "tmpfs-fsync", "693b96163941ac39d7bed37b4c9504bfb678a16216bc9a15f483a783040ffc38"),
          Map.entry(
              "one-record-per-request",
              "9e468c1501e937430428285ed32bc30a34ab7d1e37aa0593467dda8c6cd16cc4"),
          Map.entry(
              "kill-after-wal-normal",
              "3b006aa8cb31746fd923526f56a84ddda04379a66bd0179915261f19994d58f9"),
          Map.entry(
              "retry-relative-write",
              "b94260d41f4a1e6fee7858a97c87678366ce3561f8f0407ee7f21d8028fd1d7d"),
          Map.entry(
              "expected-version",
              "b61d1df244aa165bfa7418c9dc39aed769a1e901cf44ad68ef08f6ca3a384531"),
          Map.entry(
              "outbox-kill-between",
              "da6451b2c4c9739026d95a6904c1780d173f8a5f1adaf57e5ff2eea5c43b7467"),
          Map.entry(
              "saga-isolation",
              "28b86c173ad4ac127b28b96af9e1cf892290f15abdf3ce96f0932fef6867760f"));

  private QuizKey() {}

  /**
   * Tells whether an answer to a practice question is right, from its hash.
   *
   * @param question a question's id
   * @param answer the answer, e.g. {@code "B"}; case and surrounding spaces are ignored
   * @return true if right; false for a wrong answer, an unknown id, and every graded question
   *     (their key is the grader's alone)
   */
  public static boolean isCorrect(String question, String answer) {
    String expected = PRACTICE.get(question);
    return expected != null && expected.equals(hash(question, normalize(answer)));
  }

  static boolean isPractice(String question) {
    return PRACTICE.containsKey(question);
  }

  static String normalize(String answer) {
    return answer == null ? "" : answer.strip().toUpperCase(Locale.ROOT);
  }

  static String hash(String question, String answer) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("txlab-quiz:" + question + ":" + answer).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
