package io.gatehouse.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gatehouse serve} in a separate JVM (this test JVM's classpath, main class
 * {@code cli.Main}), for tests that must kill the server for real, as {@code kill -9} does.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Gatehouse ready on (http://[^\\s]+)");
  private final Process process;
  private final CompletableFuture<URI> ready = new CompletableFuture<>();
  private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
  private final Thread pump;

  private ServerProcess(Process process) {
    this.process = process;
    pump = new Thread(this::pump, "server-process-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts a server on a free port with the given extra options and environment. */
  public static ServerProcess start(Path dataDir, List<String> options, Map<String, String> environment) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.gatehouse.server.cli.Main", "serve", "--port", "0", "--data-dir", dataDir.toString()));
    command.addAll(options);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(environment);
    return new ServerProcess(pb.start());
  }

  /** Waits for the ready line and returns the server's endpoint. */
  public URI awaitReady(Duration timeout) throws Exception {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("server did not become ready; its output:\n" + String.join("\n", output), e);
    }
  }

  /** SIGKILL on Linux: no shutdown hook, no flush, nothing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the server's graceful shutdown. Returns the exit code. */
  public int terminate(Duration timeout) throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of its output pipe.
    process.toHandle().destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server did not stop on SIGTERM within " + timeout);
    }
    pump.join(timeout.toMillis()); // the last lines may still be in the pipe
    return process.exitValue();
  }

  public String output() {
    return String.join("\n", output);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.add(line);
        Matcher m = READY.matcher(line);
        if (m.find()) ready.complete(URI.create(m.group(1)));
      }
    } catch (IOException e) {
      // the process died; its output so far is kept
    }
    ready.completeExceptionally(new IllegalStateException("server exited"));
  }
}
