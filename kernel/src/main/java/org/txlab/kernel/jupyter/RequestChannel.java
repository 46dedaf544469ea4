package org.txlab.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
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
      Message<?> message = readMessage();
      ShellHandler handler = connection.getHandler(message.getHeader().getType());
      if (handler == null) {
        continue;
      }
      ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
      try {
        handler.handle(env, message);
      } catch (Exception e) {
        System.err.println(
            "[KERNEL] failed to handle " + message.getHeader().getType().getName() + ": " + e);
      } finally {
        env.resolveDeferrals();
      }
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
