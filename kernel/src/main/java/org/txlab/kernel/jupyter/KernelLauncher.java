package org.txlab.kernel.jupyter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;

/** Runs the kernel for one Jupyter connection file until a shutdown request. */
public final class KernelLauncher {

  private KernelLauncher() {}

  /**
   * Serves Jupyter on the ports of a connection file and returns after a shutdown request.
   *
   * <p>The JShell session starts on another thread while the sockets bind, so the first request
   * waits only for what is left of its startup.
   *
   * @param connectionFile the file Jupyter passes as {@code {connection_file}}; never {@code null}
   * @throws IOException if the file cannot be read
   * @throws GeneralSecurityException if its signing scheme is not supported
   * @throws InterruptedException if interrupted while serving
   */
  public static void run(Path connectionFile)
      throws IOException, GeneralSecurityException, InterruptedException {
    CompletableFuture<Engine> engine =
        CompletableFuture.supplyAsync(() -> Engine.create(EngineConfig.defaults()));
    engine.thenRun(() -> trace("JShell engine ready"));
    String json = Files.readString(connectionFile, StandardCharsets.UTF_8);
    KernelConnection connection = new KernelConnection(KernelConnectionProperties.parse(json));
    JupyterKernel kernel = new JupyterKernel(engine, connection);
    connection.connect();
    trace("sockets bound");
    kernel.awaitShutdown();
    kernel.close();
  }

  /** With {@code TXLAB_KERNEL_TRACE=1}, prints startup milestones to stderr (the kernel log). */
  private static void trace(String milestone) {
    if ("1".equals(System.getenv("TXLAB_KERNEL_TRACE"))) {
      long start =
          ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
      System.err.println(
          "[TRACE] +" + (System.currentTimeMillis() - start) + " ms since JVM start: " + milestone);
    }
  }
}
