package org.txlab.kernel.jupyter;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/** JJava's connection with prompt request and heartbeat channels. */
final class KernelConnection extends JupyterConnection {

  private final KernelConnectionProperties props;
  private final ZMQ.Context context = ZMQ.context(1);
  private final Heartbeat heartbeat;
  private final RequestChannel shellChannel;
  private final RequestChannel controlChannel;

  KernelConnection(KernelConnectionProperties props)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(props);
    this.props = props;
    HMACGenerator hmac = props.createHMACGenerator();
    this.heartbeat = new Heartbeat(context, hmac);
    this.shellChannel = new RequestChannel(context, hmac, false, this);
    this.controlChannel = new RequestChannel(context, hmac, true, this);
  }

  @Override
  public void connect() {
    iopub.bind(props);
    iopub.setLinger(1000);
    stdin.bind(props);
    heartbeat.bind(props);
    shellChannel.bind(props);
    controlChannel.bind(props);
    iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
  }

  /** Closes every socket; pending messages get up to a second to leave. */
  @Override
  public void close() {
    heartbeat.close();
    shellChannel.close();
    controlChannel.close();
    super.close();
    context.close();
  }
}
