package org.txlab.kernel.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.InspectReply;
import org.dflib.jjava.jupyter.messages.reply.IsCompleteReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.txlab.kernel.engine.Completeness;
import org.txlab.kernel.engine.Completion;
import org.txlab.kernel.engine.Displays;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EvalError;
import org.txlab.kernel.engine.EvalResult;
import org.txlab.kernel.engine.MimeBundle;

/** Answers Jupyter requests with an {@link Engine}. */
final class JupyterKernel {

  static final String NAME = "txlab-java";

  private final CompletableFuture<Engine> engine;
  private final JupyterConnection connection;
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private final History history = new History();
  private int executionCount;

  JupyterKernel(CompletableFuture<Engine> engine, JupyterConnection connection) {
    this.engine = engine;
    this.connection = connection;
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "jupyter-output");
              thread.setDaemon(true);
              return thread;
            });
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
    connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
    connection.setHandler(MessageType.COMPLETE_REQUEST, this::complete);
    connection.setHandler(MessageType.INSPECT_REQUEST, this::inspect);
    connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::isComplete);
    connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, m) -> kernelInfo(env));
    connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::shutdown);
    connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, m) -> interrupt(env));
    connection.setHandler(MessageType.HISTORY_REQUEST, this::history);
    connection.setHandler(
        MessageType.COMM_INFO_REQUEST,
        (env, m) ->
            reply(
                env,
                () ->
                    Replies.send(env, MessageType.COMM_INFO_REPLY, Replies.ok("comms", Map.of()))));
  }

  /** Blocks until a client asks the kernel to shut down. */
  void awaitShutdown() throws InterruptedException {
    shutdown.await();
  }

  private static void reply(ShellReplyEnvironment env, Runnable answer) {
    env.setBusyDeferIdle();
    answer.run();
  }

  private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    ExecuteRequest request = message.getContent();
    env.setBusyDeferIdle();
    int count = request.isSilent() ? executionCount : ++executionCount;
    Publisher publisher = new Publisher(env.getIopub(), message);
    publisher.publish(new PublishExecuteInput(request.getCode(), count));
    OutputBatcher output = new OutputBatcher(publisher, timer);
    EvalResult result;
    try {
      result = engine.join().eval(request.getCode(), output);
    } catch (CompletionException e) {
      result = startupFailed(e.getCause());
    }
    output.flush();
    Optional<EvalError> failed = result.error();
    MimeBundle value =
        failed.isEmpty() && result.hasValue() && !request.isSilent()
            ? Displays.bundle(result.value().orElse(null))
            : null;
    if (request.shouldStoreHistory() && !request.isSilent()) {
      history.add(count, request.getCode(), value == null ? null : value.text());
    }
    if (failed.isPresent()) {
      EvalError e = failed.get();
      List<String> traceback = new ArrayList<>(e.traceback());
      publisher.error(e.ename(), e.evalue(), traceback);
      ErrorReply error = new ErrorReply(e.ename(), e.evalue(), traceback);
      error.setExecutionCount(count);
      env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
      return;
    }
    if (value != null) {
      publisher.result(count, value);
    }
    env.reply(new ExecuteReply(count, Map.of()));
  }

  /** Why the engine could not start, if it could not; waits for it to be ready otherwise. */
  private Optional<String> startupFailure() {
    try {
      engine.join();
      return Optional.empty();
    } catch (CompletionException | CancellationException e) {
      return Optional.of(startupMessage(e.getCause() == null ? e : e.getCause()));
    }
  }

  private static String startupMessage(Throwable cause) {
    return "the JShell session could not start: "
        + cause
        + "; the kernel needs a full JDK 17+ (module jdk.jshell): reinstall it with"
        + " java -jar kernel.jar install --java /path/to/jdk/bin/java, then restart the kernel";
  }

  private static EvalResult startupFailed(Throwable cause) {
    String message = "[STARTUP] " + startupMessage(cause);
    EvalError error =
        new EvalError(EvalError.Kind.RUNTIME, "KernelStartupFailed", message, List.of(message), 0);
    return new EvalResult(Optional.empty(), false, List.of(), "", "", Optional.of(error));
  }

  /**
   * Answers with an {@code error} reply if the engine could not start (so the client never waits
   * for an answer that cannot come); returns whether it did.
   */
  private boolean repliedStartupFailure(ShellReplyEnvironment env, MessageType<?> replyType) {
    Optional<String> failure = startupFailure();
    failure.ifPresent(
        m ->
            reply(
                env, () -> Replies.error(env, replyType, "KernelStartupFailed", "[STARTUP] " + m)));
    return failure.isPresent();
  }

  private void complete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
    if (repliedStartupFailure(env, MessageType.COMPLETE_REPLY)) {
      return;
    }
    CompleteRequest r = message.getContent();
    Completion c = engine.join().complete(r.getCode(), r.getCursorPos());
    reply(env, () -> env.reply(new CompleteReply(c.matches(), c.start(), c.end(), Map.of())));
  }

  private void inspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
    if (repliedStartupFailure(env, MessageType.INSPECT_REPLY)) {
      return;
    }
    InspectRequest r = message.getContent();
    var text = engine.join().inspect(r.getCode(), r.getCursorPos(), r.getDetailLevel() > 0);
    DisplayData data = new DisplayData();
    text.ifPresent(data::putText);
    reply(env, () -> env.reply(new InspectReply(text.isPresent(), data)));
  }

  private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
    // is_complete_reply has no error form in the spec: without an engine the answer is "unknown".
    if (startupFailure().isPresent()) {
      reply(env, () -> env.reply(IsCompleteReply.UNKNOWN));
      return;
    }
    Completeness c = engine.join().isComplete(message.getContent().getCode());
    IsCompleteReply answer =
        switch (c.status()) {
          case COMPLETE -> IsCompleteReply.VALID_CODE;
          case INCOMPLETE -> IsCompleteReply.getIncompleteReplyWithIndent(c.indent());
          case INVALID -> IsCompleteReply.INVALID_CODE;
          case UNKNOWN -> IsCompleteReply.UNKNOWN;
        };
    reply(env, () -> env.reply(answer));
  }

  private void kernelInfo(ShellReplyEnvironment env) {
    LanguageInfo language =
        new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();
    String banner = "TxLab Java kernel (JShell, Java " + Runtime.version() + ")";
    Map<String, Object> info =
        Replies.ok(
            "protocol_version",
            Header.PROTOCOL_VERISON,
            "implementation",
            NAME,
            "implementation_version",
            "0.1.0",
            "language_info",
            language,
            "banner",
            banner,
            "help_links",
            List.of(),
            "debugger",
            false);
    reply(env, () -> Replies.send(env, MessageType.KERNEL_INFO_REPLY, info));
  }

  private void history(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    List<List<Object>> entries = history.answer(message.getContent());
    reply(env, () -> Replies.send(env, MessageType.HISTORY_REPLY, Replies.ok("history", entries)));
  }

  private void interrupt(ShellReplyEnvironment env) {
    if (engine.isDone() && !engine.isCompletedExceptionally()) {
      engine.join().interrupt();
    }
    reply(env, () -> Replies.send(env, MessageType.INTERRUPT_REPLY, Replies.ok()));
  }

  private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
    boolean restart = message.getContent().isRestart();
    reply(env, () -> Replies.send(env, MessageType.SHUTDOWN_REPLY, Replies.ok("restart", restart)));
    env.resolveDeferrals();
    shutdown.countDown();
  }

  void close() {
    timer.shutdownNow();
    connection.close();
  }
}
