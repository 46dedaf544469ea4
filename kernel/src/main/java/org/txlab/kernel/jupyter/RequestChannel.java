package org.txlab.kernel.jupyter;

import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;

/**
 * The shell or control channel, served by a thread that blocks in {@code poll}.
 *
 * <p>JJava's own channel sleeps 50 ms between polls, which adds up to 50 ms to every request.
 */
final class RequestChannel extends ShellChannel {

  private static final long POLL_MS = 50;
  private final boolean control;
  private final JupyterConnection connection;
  private volatile boolean running = true;
  private Thread thread;

  RequestChannel(
      ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
    super(context, hmac, control, connection);
    this.control = control;
    this.connection = connection;
  }

  @Override
  public void bind(KernelConnectionProperties props) {
    int port = control ? props.getControlPort() : props.getShellPort();
    super.bind(props.getTransport() + "://" + props.getIp() + ":" + port);
    setLinger(1000);
    thread = new Thread(this::serve, control ? "jupyter-control" : "jupyter-shell");
    thread.setDaemon(true);
    thread.start();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void serve() {
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    while (running) {
      if (poller.poll(POLL_MS) <= 0) {
        continue;
      }
      Message<?> message;
      try {
        message = readMessage();
      } catch (RuntimeException e) {
        // A request the kernel cannot parse (or a bad signature) must not end the channel.
        System.err.println("[KERNEL] dropped an unreadable message: " + e);
        continue;
      }
      ShellHandler handler = connection.getHandler(message.getHeader().getType());
      if (handler == null) {
        continue;
      }
      ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
      try {
        handler.handle(env, message);
      } catch (Exception e) {
        replyFailure(env, message, e);
      } finally {
        env.resolveDeferrals();
      }
    }
  }

  /** Answers a request whose handler failed with an error reply, so the client does not wait. */
  private static void replyFailure(ShellReplyEnvironment env, Message<?> message, Exception e) {
    String request = message.getHeader().getType().getName();
    String problem = "[KERNEL] failed to handle " + request + ": " + e;
    System.err.println(problem);
    MessageType<?> replyType = MessageType.getType(request.replace("_request", "_reply"));
    if (replyType != MessageType.UNKNOWN) {
      env.replyError(replyType.error(), new ErrorReply("KernelError", problem, List.of(problem)));
    }
  }

  /** Stops the serving thread (it notices within one poll), then closes the socket. */
  @Override
  public void close() {
    running = false;
    Channels.join(thread);
    super.close();
  }
}
