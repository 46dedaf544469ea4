package org.txlab.notebooks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter Notebook server ({@code /usr/bin/jupyter notebook}, classic UI 6.4) on
 * 127.0.0.1, a free port and a random token, serving a temporary root; stopped with its kernels on
 * {@link #close}.
 */
final class JupyterServer implements AutoCloseable {

  private static final String JUPYTER = "/usr/bin/jupyter";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  final String url;
  final String token;

  private JupyterServer(Process process, Path log, String url, String token) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.token = token;
  }

  /**
   * Starts a server on {@code root} with {@code env} added to its environment and waits until it
   * answers on its REST API.
   */
  static JupyterServer start(Path root, Path logFile, Map<String, String> env)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    ProcessBuilder pb =
        new ProcessBuilder(
                JUPYTER,
                "notebook",
                "--no-browser",
                // CI runs as root; the server refuses root without this.
                "--allow-root",
                "--ip=127.0.0.1",
                "--port=" + port,
                "--port-retries=0",
                "--notebook-dir=" + root,
                "--NotebookApp.token=" + token)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    pb.environment().putAll(env);
    JupyterServer server =
        new JupyterServer(pb.start(), logFile, "http://127.0.0.1:" + port, token);
    server.awaitReady();
    return server;
  }

  /** Polls {@code /api/status} until it answers 200, the server dies, or the deadline passes. */
  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create(url + "/api/status"))
            .header("Authorization", "token " + token)
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Keep polling until the deadline.
      }
      // Waiting on the process doubles as the poll interval and notices a server that died.
      if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "Expecting the Jupyter server to start but it exited with "
                + process.exitValue()
                + "; its log:\n"
                + log());
      }
    }
    close();
    throw new AssertionError(
        "Expecting the Jupyter server to answer within " + READY_TIMEOUT + "; its log:\n" + log());
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Stops the server (SIGTERM: it shuts its kernels down), then anything of it left running. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
