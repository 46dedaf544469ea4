package org.txlab.kernel.jupyter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;

/**
 * Reply contents with every field of Jupyter's messaging spec 5.3.
 *
 * <p>JJava's reply classes leave {@code status} out of {@code kernel_info_reply}, {@code
 * shutdown_reply}, {@code interrupt_reply}, {@code comm_info_reply} and {@code history_reply}
 * (clients such as jupyter_kernel_test reject them), and cannot serialize history entries. These
 * replies are sent as plain maps instead: JJava's socket serializes any content with Gson.
 */
final class Replies {

  private Replies() {}

  /**
   * Returns an {@code ok} content with the given fields.
   *
   * @param fields alternating names and values
   */
  static Map<String, Object> ok(Object... fields) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("status", "ok");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      content.put((String) fields[i], fields[i + 1]);
    }
    return content;
  }

  /** Sends {@code content} as the reply of {@code type} to the request {@code env} answers. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void send(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
    env.reply(new Message(env.getContext(), type, content));
  }

  /** Sends an {@code error} reply of {@code type}: the request could not be answered. */
  static void error(ShellReplyEnvironment env, MessageType<?> type, String ename, String evalue) {
    env.replyError(type.error(), new ErrorReply(ename, evalue, List.of(ename + ": " + evalue)));
  }
}
