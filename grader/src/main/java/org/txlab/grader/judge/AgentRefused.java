package org.txlab.grader.judge;

/**
 * The agent answered a command with {@code ERR}: e.g. the student's constructor threw, or no class
 * implements the exercise. The message is the agent's, untrusted text.
 */
public final class AgentRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the agent's message
   */
  public AgentRefused(String message) {
    super(message.length() > 2000 ? message.substring(0, 2000) + "…" : message);
  }
}
