package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssignmentRulesServerPostgresTest extends AssignmentRulesServerTestBase {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
