package org.txlab.kernel.jupyter;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.txlab.kernel.engine.Displays;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;
import org.txlab.kernel.engine.EvalResult;
import org.txlab.kernel.engine.MimeBundle;

/**
 * Exercises what a kernel session loads (JShell, javac, SQLite, the Jupyter sockets), so that an
 * AppCDS archive taken at exit covers it.
 */
public final class Warmup {

  private static final List<String> CELLS =
      List.of(
          "int x = 6;\nx * 7",
          "System.out.println(\"hello\");",
          "record Item(String name, int qty) {}\nList.of(new Item(\"pen\", 1))",
          "try (Connection c = DriverManager.getConnection(\"jdbc:sqlite::memory:\")) {\n"
              + "  display(c.createStatement().executeQuery(\"select 1 as one\"));\n}",
          "display(html(\"<b>x</b>\"));",
          "1 / 0",
          "int bad = undefined;",
          "for (int i = 0; i < 1000; i++) { Math.sqrt(i); }");

  private Warmup() {}

  /**
   * Runs sample cells and a loopback Jupyter connection, then returns.
   *
   * @throws IOException if no local port is free
   * @throws GeneralSecurityException if HMAC signing is unavailable
   */
  public static void run() throws IOException, GeneralSecurityException {
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      for (String cell : CELLS) {
        EvalResult r = engine.eval(cell);
        r.value().ifPresent(Displays::bundle);
      }
      engine.complete("String s = \"\"; s.len", 21);
      engine.isComplete("for (;;) {");
      KernelConnectionProperties props =
          new KernelConnectionProperties(
              "127.0.0.1", port(), port(), port(), port(), port(), "tcp", "hmac-sha256", "warmup");
      KernelConnection connection = new KernelConnection(props);
      JupyterKernel kernel =
          new JupyterKernel(CompletableFuture.completedFuture(engine), connection);
      connection.connect();
      Publisher publisher = new Publisher(connection.getIOPub(), null);
      publisher.stream(PublishStream.StreamType.OUT, "warm");
      publisher.display(MimeBundle.of("text/plain", "warm"));
      kernel.close();
    }
  }

  private static int port() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
