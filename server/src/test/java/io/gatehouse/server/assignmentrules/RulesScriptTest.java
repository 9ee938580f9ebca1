package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.testing.E2eScript;
import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs {@code tests/e2e/rules.sh} — the real AWS CLI with the gatehouse model added — against an in-process server. */
class RulesScriptTest {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Test
  void theAwsCliManagesAssignmentRulesThroughTheAddedModel() throws Exception {
    E2eScript.runAndAssertPassed("rules.sh", SERVER);
  }
}
