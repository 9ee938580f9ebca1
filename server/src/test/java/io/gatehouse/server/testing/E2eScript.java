package io.gatehouse.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script of {@code tests/e2e/} — the real AWS CLI — against an in-process server, with the
 * server's root credentials, and asserts it passed every check. Without an aws CLI the test is
 * skipped, except on CI, which must provide one.
 */
public final class E2eScript {
  // each aws CLI v1 call costs a Python start; cli.sh tells three stories (~250–440 s on a loaded 2-core machine)
  private static final long TIMEOUT_MINUTES = 15;

  private E2eScript() {}

  public static void runAndAssertPassed(String name, GatehouseTestServer server) throws Exception {
    if (!awsCliAvailable()) {
      if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI must provide the aws CLI for tests/e2e/" + name);
      Assumptions.abort("no aws CLI on PATH: tests/e2e/" + name + " skipped");
    }
    Path log = Files.createTempFile(name.replace(".sh", "") + "-e2e", ".log");
    ProcessBuilder pb = new ProcessBuilder("bash", locate(name).toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("GATEHOUSE_ENDPOINT", server.endpoint().toString());
    pb.environment().put("AWS_ACCESS_KEY_ID", server.rootCredentials().accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", server.rootCredentials().secretAccessKey());
    pb.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
    Process p = pb.start();
    boolean done = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!done) p.destroyForcibly();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(done).as(name + " finished in time; output:\n" + output).isTrue();
    assertThat(p.exitValue()).as(name + " exit code; output:\n" + output).isZero();
    assertThat(output).contains(name + ": all checks passed").contains(" passed, 0 failed");
  }

  private static Path locate(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tests/e2e").resolve(name);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new IllegalStateException("tests/e2e/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  private static boolean awsCliAvailable() {
    String cli = System.getenv("GATEHOUSE_AWS_CLI");
    if (cli != null && !cli.isBlank()) return true;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "aws"))) return true;
    }
    return false;
  }
}
