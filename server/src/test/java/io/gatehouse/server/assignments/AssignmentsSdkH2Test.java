package io.gatehouse.server.assignments;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssignmentsSdkH2Test extends AssignmentsSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
