package org.txlab.kernel.jupyter;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EvalError;
import org.txlab.kernel.engine.EvalResult;

/**
 * The kernel's engine, which starts on another thread while the sockets bind, and what to answer
 * when it could not start (every request still gets a reply).
 */
final class StartingEngine {

  private final CompletableFuture<Engine> engine;

  StartingEngine(CompletableFuture<Engine> engine) {
    this.engine = engine;
  }

  /** Waits for the engine; empty if it could not start. */
  Optional<Engine> await() {
    return failure().isPresent() ? Optional.empty() : Optional.of(engine.join());
  }

  /** The engine if it is running now, without waiting. */
  Optional<Engine> ifRunning() {
    return engine.isDone() && !engine.isCompletedExceptionally()
        ? Optional.of(engine.join())
        : Optional.empty();
  }

  /**
   * Waits for the engine and says why it could not start, if it could not: a {@code [STARTUP]}
   * message that says what to do.
   */
  Optional<String> failure() {
    try {
      engine.join();
      return Optional.empty();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Optional.of(
          "[STARTUP] the JShell session could not start: "
              + cause
              + "; the kernel needs a full JDK 17+ (module jdk.jshell): reinstall it with"
              + " java -jar kernel.jar install --java /path/to/jdk/bin/java, then restart the"
              + " kernel");
    }
  }

  /** The result of a cell that could not run because the engine did not start. */
  static EvalResult failedCell(String failure) {
    EvalError error =
        new EvalError(EvalError.Kind.RUNTIME, "KernelStartupFailed", failure, List.of(failure), 0);
    return new EvalResult(Optional.empty(), false, List.of(), "", "", Optional.of(error));
  }
}
