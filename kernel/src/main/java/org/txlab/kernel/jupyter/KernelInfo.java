package org.txlab.kernel.jupyter;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Header;

/** The content of {@code kernel_info_reply}: who this kernel is and what language it runs. */
final class KernelInfo {

  static final String NAME = "txlab-java";
  static final String VERSION = "0.1.0";

  private KernelInfo() {}

  static Map<String, Object> content() {
    LanguageInfo language =
        new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();
    return Replies.ok(
        "protocol_version",
        Header.PROTOCOL_VERISON,
        "implementation",
        NAME,
        "implementation_version",
        VERSION,
        "language_info",
        language,
        "banner",
        "TxLab Java kernel (JShell, Java " + Runtime.version() + ")",
        "help_links",
        List.of(),
        "debugger",
        false);
  }
}
