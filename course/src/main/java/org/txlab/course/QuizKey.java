package org.txlab.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quiz's answer key, as salted hashes: a notebook can check an answer without the answer being
 * readable in its text or in this library.
 */
public final class QuizKey {
  private static final List<Map.Entry<String, String>> KEY =
      List.of(
          Map.entry(
              "rollback-after-unique",
              "7314883ae5fa0c1742c8de57d5fd0750586a6b735bf10299cabe21372dd87acd"),
          Map.entry(
              "commit-after-unique",
              "7ed303459c002034361614a40e8443d51b820afab44eb2745a0cbae0b43dc37b"),
          Map.entry(
              "crash-before-commit",
              "f8db346b89bd185da7f002ed6250d42750120d22ea1177b7f6558903c4760c49"),
          Map.entry(
              "check-constraint",
              "42e34ab59b164d91bdcc2b05f34b17f44f534ac91005cd90efb490fa2d6f6897"),
          Map.entry(
              "deferred-race-loser",
              "c61dce06c93c855e6b71d218772e042e4fdc8f39a539f51a6461d4b744fcfeb2"),
          Map.entry(
              "wait-and-see", "9bee4488938153b38e181d332df7fa12cf931fe34aab1af8a421ad8609e0bb96"),
          Map.entry(
              "crash-after-commit",
              "e3ebf6dd565d4fc7472ae7e9c34af93a92596e6ca8acf4d28611307fc013f271"),
          Map.entry(
              "wal-normal", "9ce7b12486304fa24c376df0bf04aebbefbc85a5d71de53cc27e0906e788d76b"),
          Map.entry(
              "shared-connection",
              "b0f194cbf640b21d5ed342cf55c7ab9d9fd121f3c96197e9c7c9da40f237f3ed"),
          Map.entry(
              "close-open-transaction",
              "47f7ba23f6690c4db61d54ab9c16a6bc9be5337a60341df4b0d86e4baeb9837b"),
          Map.entry(
              "when-to-ignore", "e8cdd5cba093cffcc957815155322435217398a5e484cae7082d4fdfd9a2868a"),
          Map.entry(
              "map-vs-sqlite", "0dae07939145f6c4c0581aa5578ae461293a5477bb54c3686f7c6b148a0f4722"));

  private QuizKey() {}

  /** Returns the question ids, in quiz order. */
  public static List<String> questions() {
    return KEY.stream().map(Map.Entry::getKey).toList();
  }

  /**
   * Tells whether an answer is right.
   *
   * @param question a question id from {@link #questions()}
   * @param answer the answer, e.g. {@code "B"}; case and surrounding spaces are ignored
   * @return true if right; false for a wrong answer or an unknown question
   */
  public static boolean isCorrect(String question, String answer) {
    String expected =
        KEY.stream()
            .filter(e -> e.getKey().equals(question))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    return expected != null && expected.equals(hash(question, normalize(answer)));
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
