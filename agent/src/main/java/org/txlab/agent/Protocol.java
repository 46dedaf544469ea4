package org.txlab.agent;

/**
 * The agent's line protocol. Every line is fields encoded with {@link
 * org.txlab.course.process.LineCodec}, separated by tabs.
 *
 * <p>Judge to agent, one command a line: {@code <id> <verb> <args…>}. The agent answers each
 * command with {@code <id> OK <values…>} or {@code <id> ERR <message>}, except {@code CALL}, which
 * answers {@code OK} at once and later sends the call's events and its result:
 *
 * <ul>
 *   <li>{@code CLASSES <dir>…}: the student's compiled classes;
 *   <li>{@code CELLS <dir with cell-N.jsh files> <out dir>}: evaluates notebook cells with the
 *       kernel's engine, answers {@code OK <failing cell number> <message> …} (pairs, possibly
 *       none) and loads the classes they declared from {@code out dir};
 *   <li>{@code FIND <interface> <preferred simple name> <constructor parameter type>…}: answers
 *       {@code OK <class name>};
 *   <li>{@code WORLD <world> jdbc <database file> <busy timeout ms>}: a fresh class loader and an
 *       instrumented connection source;
 *   <li>{@code SINK <world> <script JSON>}, {@code PAYMENTS <world> <script JSON> <ledger JSON>}:
 *       the world's scripted broker and payment provider (see {@link Externals}), given to
 *       constructors that take a {@code Sink} or {@code Payments}; a double scripted to crash parks
 *       the calling thread and sends {@code EVENT <call> PARKED external: <where>} for every
 *       running call;
 *   <li>{@code LAND_LATE <world>}: the provider's late charges land; answers {@code OK <count>};
 *   <li>{@code EXTERNALS <world>}: answers {@code OK <JSON>} with the doubles' records: the sink's
 *       sends, the provider's ledger and calls;
 *   <li>{@code NEW <world> <object> <class>}: constructs the class with the world's objects;
 *   <li>{@code CALL <call> <object> <method> <signature JSON> <args JSON> <plan JSON>};
 *   <li>{@code RESUME <call>}, {@code RELEASED <call>}: a paused call goes on; the judge's lock
 *       holder let go;
 *   <li>{@code CLOSE_LEAKED <world>}: closes what the code left open; answers {@code OK <count>};
 *   <li>{@code TXLOG_RUN <class> <max ops> <workload> [<start image>]}: the txlog store recovers on
 *       a recording disk holding the image (empty if none) and runs a workload; answers {@code OK
 *       <commits> <failed step> <error> <reads> <trace>};
 *   <li>{@code TXLOG_RECOVER <class> <max ops> <image>…}: recovers each crash image in a fresh
 *       store; answers {@code OK} and, per image, {@code <state> <error> <trace>};
 *   <li>{@code TXLOG_REAL <class> <folder> <park before call> <workload>}: the store on a real
 *       folder; answers {@code OK <commits> <failed step> <error> <state>}, or {@code OK PARKED}
 *       when it reached the call it parks before (the judge then kills the JVM);
 *   <li>{@code DROP <world>}, {@code BYE}.
 * </ul>
 *
 * <p>Agent to judge, unprompted: {@code EVENT <call> PAUSED <statement>}, {@code EVENT <call>
 * WAITING <statement>} (a lock wait began), {@code EVENT <call> STUCK <thread state>}, {@code EVENT
 * <call> PARKED <statement>}, {@code RESULT <call> <JSON>}; {@code READY} once at start.
 */
public final class Protocol {
  /** Sent once when the agent is ready for commands. */
  public static final String READY = "READY";

  /** A command succeeded. */
  public static final String OK = "OK";

  /** A command failed; the next field says why. */
  public static final String ERR = "ERR";

  /** An event of a running call. */
  public static final String EVENT = "EVENT";

  /** A call's end. */
  public static final String RESULT = "RESULT";

  /** The call stopped before the statement its plan pauses at. */
  public static final String PAUSED = "PAUSED";

  /** The call began to wait for a lock. */
  public static final String WAITING = "WAITING";

  /** The call's thread is blocked or sleeping in the student's code. */
  public static final String STUCK = "STUCK";

  /** The call stopped for good at its kill point. */
  public static final String PARKED = "PARKED";

  private Protocol() {}
}
