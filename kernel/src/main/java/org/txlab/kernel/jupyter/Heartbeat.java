package org.txlab.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/** Echoes heartbeats at once (JJava's channel polls every 500 ms). */
final class Heartbeat extends HeartbeatChannel {

  private static final long POLL_MS = 50;
  private volatile boolean running = true;
  private Thread thread;

  Heartbeat(ZMQ.Context context, HMACGenerator hmac) {
    super(context, hmac);
  }

  @Override
  public void bind(KernelConnectionProperties props) {
    super.bind(props.getTransport() + "://" + props.getIp() + ":" + props.getHbPort());
    thread = new Thread(this::serve, "jupyter-heartbeat");
    thread.setDaemon(true);
    thread.start();
  }

  private void serve() {
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    while (running) {
      if (poller.poll(POLL_MS) > 0) {
        byte[] ping = recv();
        if (ping != null) {
          send(ping);
        }
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
