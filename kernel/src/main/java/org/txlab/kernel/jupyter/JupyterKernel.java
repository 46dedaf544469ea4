package org.txlab.kernel.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
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

  private final StartingEngine engine;
  private final JupyterConnection connection;
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private final History history = new History();
  private int executionCount;

  JupyterKernel(CompletableFuture<Engine> engine, JupyterConnection connection) {
    this.engine = new StartingEngine(engine);
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
    EvalResult result =
        engine
            .await()
            .map(e -> e.eval(request.getCode(), output))
            .orElseGet(() -> StartingEngine.failedCell(engine.failure().orElseThrow()));
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

  /**
   * Answers with an {@code error} reply if the engine could not start (so the client never waits
   * for an answer that cannot come); returns whether it did.
   */
  private boolean repliedStartupFailure(ShellReplyEnvironment env, MessageType<?> replyType) {
    Optional<String> failure = engine.failure();
    failure.ifPresent(
        m -> reply(env, () -> Replies.error(env, replyType, "KernelStartupFailed", m)));
    return failure.isPresent();
  }

  private void complete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
    if (repliedStartupFailure(env, MessageType.COMPLETE_REPLY)) {
      return;
    }
    CompleteRequest r = message.getContent();
    Completion c = engine.await().orElseThrow().complete(r.getCode(), r.getCursorPos());
    reply(env, () -> env.reply(new CompleteReply(c.matches(), c.start(), c.end(), Map.of())));
  }

  private void inspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
    if (repliedStartupFailure(env, MessageType.INSPECT_REPLY)) {
      return;
    }
    InspectRequest r = message.getContent();
    var text =
        engine.await().orElseThrow().inspect(r.getCode(), r.getCursorPos(), r.getDetailLevel() > 0);
    DisplayData data = new DisplayData();
    text.ifPresent(data::putText);
    reply(env, () -> env.reply(new InspectReply(text.isPresent(), data)));
  }

  private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
    // is_complete_reply has no error form in the spec: without an engine the answer is "unknown".
    if (engine.failure().isPresent()) {
      reply(env, () -> env.reply(IsCompleteReply.UNKNOWN));
      return;
    }
    Completeness c = engine.await().orElseThrow().isComplete(message.getContent().getCode());
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
    reply(env, () -> Replies.send(env, MessageType.KERNEL_INFO_REPLY, KernelInfo.content()));
  }

  private void history(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    List<List<Object>> entries = history.answer(message.getContent());
    reply(env, () -> Replies.send(env, MessageType.HISTORY_REPLY, Replies.ok("history", entries)));
  }

  private void interrupt(ShellReplyEnvironment env) {
    engine.ifRunning().ifPresent(Engine::interrupt);
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
