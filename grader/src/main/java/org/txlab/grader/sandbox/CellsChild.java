package org.txlab.grader.sandbox;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;
import org.txlab.kernel.engine.EvalError;
import org.txlab.kernel.engine.EvalResult;

/**
 * The disposable child JVM that evaluates a notebook's exercise cells with the kernel's engine,
 * exactly as the kernel does, and writes the classes they declared for the hidden tests.
 *
 * <p>Arguments: {@code <cells.json> <output dir>}; stdin: the nonce. Reports {@code <nonce> DONE}
 * or {@code <nonce> ERROR <cell number>\t<ename>: <evalue>} on fd 1, then halts.
 */
public final class CellsChild {
  private CellsChild() {}

  /**
   * Evaluates the cells.
   *
   * @param args see the class comment
   * @throws Exception if the files cannot be read or written
   */
  public static void main(String[] args) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    final String nonce = in.readLine();
    PrintStream channel =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    String[] cells = new Gson().fromJson(Files.readString(Path.of(args[0])), String[].class);
    Path out = Files.createDirectories(Path.of(args[1]));
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      for (int i = 0; i < cells.length; i++) {
        EvalResult result = engine.eval(cells[i]);
        EvalError error = result.error().orElse(null);
        if (error != null) {
          channel.println(
              nonce
                  + " ERROR "
                  + (i + 1)
                  + "\t"
                  + Channel.escape(error.ename() + ": " + error.evalue()));
          Runtime.getRuntime().halt(0);
        }
      }
      for (Map.Entry<String, byte[]> c : engine.cellClasses().entrySet()) {
        Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, c.getValue());
      }
    }
    channel.println(nonce + " DONE");
    Runtime.getRuntime().halt(0);
  }
}
