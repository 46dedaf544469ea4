package org.txlab.kernel.jupyter;

import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.txlab.kernel.engine.MimeBundle;

/** Publishes on IOPub on behalf of one request, from any thread. */
final class Publisher {

  private final JupyterSocket iopub;
  private final MessageContext context;

  Publisher(JupyterSocket iopub, MessageContext context) {
    this.iopub = iopub;
    this.context = context;
  }

  <T extends ContentType<T>> void publish(T content) {
    iopub.sendMessage(new Message<>(context, content.getType(), content));
  }

  void stream(PublishStream.StreamType type, String text) {
    publish(new PublishStream(type, text));
  }

  void display(MimeBundle bundle) {
    publish(new PublishDisplayData(data(bundle)));
  }

  void clearOutput(boolean wait) {
    publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
  }

  void result(int count, MimeBundle bundle) {
    publish(new PublishExecuteResult(count, data(bundle)));
  }

  void error(String ename, String evalue, List<String> traceback) {
    publish(new PublishError(ename, evalue, traceback));
  }

  static DisplayData data(MimeBundle bundle) {
    DisplayData data = new DisplayData();
    bundle.data().forEach(data::putData);
    return data;
  }
}
