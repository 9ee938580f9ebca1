package io.gatehouse.server.portal;

import io.gatehouse.server.testing.E2eScript;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@code tests/e2e/sso.sh} — the real AWS CLI v2's {@code aws sso login} and SSO credential
 * provider — against an in-process server. Without a CLI v2 the test is skipped, except on CI,
 * whose {@code .ci/run} installs one.
 */
class SsoLoginScriptTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Test
  void awsSsoLoginSignsInAndTheCliUsesTheRolesCredentials() throws Exception {
    String configured = System.getenv("GATEHOUSE_AWS_CLI_V2");
    Path cli = Path.of(configured == null || configured.isBlank() ? "/usr/bin/aws" : configured);
    if (!Files.isExecutable(cli)) {
      if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI must provide the AWS CLI v2 at " + cli);
      Assumptions.abort("no AWS CLI v2 at " + cli + ": tests/e2e/sso.sh skipped");
    }
    E2eScript.runAndAssertPassed("sso.sh", SERVER);
  }
}
