package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssignmentRulesServerH2Test extends AssignmentRulesServerTestBase {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
