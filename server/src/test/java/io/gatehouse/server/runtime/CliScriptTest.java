package io.gatehouse.server.runtime;

import io.gatehouse.server.testing.E2eScript;
import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code tests/e2e/cli.sh} — the real AWS CLI — against an in-process server. */
class CliScriptTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Test
  void theAwsCliCreatesAndReadsBackOrganizationAndIdentityStoreObjects() throws Exception {
    E2eScript.runAndAssertPassed("cli.sh", SERVER);
  }
}
