package io.gatehouse.server.assignmentrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code tests/e2e/rules.sh} — the real AWS CLI with the gatehouse model added — against an in-process server. */
class RulesScriptTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tests/e2e/rules.sh");
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new IllegalStateException("tests/e2e/rules.sh not found above " + Path.of("").toAbsolutePath());
  }

  private static boolean awsCliAvailable() {
    String cli = System.getenv("GATEHOUSE_AWS_CLI");
    if (cli != null && !cli.isBlank()) return true;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "aws"))) return true;
    }
    return false;
  }

  @Test
  void theAwsCliManagesAssignmentRulesThroughTheAddedModel() throws Exception {
    if (!awsCliAvailable()) {
      if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI must provide the aws CLI for tests/e2e/rules.sh");
      Assumptions.abort("no aws CLI on PATH: tests/e2e/rules.sh skipped");
    }
    Path log = Files.createTempFile("rules-e2e", ".log");
    ProcessBuilder pb = new ProcessBuilder("bash", script().toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("GATEHOUSE_ENDPOINT", SERVER.endpoint().toString());
    pb.environment().put("AWS_ACCESS_KEY_ID", SERVER.rootCredentials().accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", SERVER.rootCredentials().secretAccessKey());
    pb.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
    Process p = pb.start();
    boolean done = p.waitFor(8, TimeUnit.MINUTES);
    if (!done) p.destroyForcibly();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(done).as("rules.sh finished in time; output:\n" + output).isTrue();
    assertThat(p.exitValue()).as("rules.sh exit code; output:\n" + output).isZero();
    assertThat(output).contains("rules.sh: all checks passed").contains(" passed, 0 failed");
  }
}
