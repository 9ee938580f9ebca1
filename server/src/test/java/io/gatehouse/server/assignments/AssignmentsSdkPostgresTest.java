package io.gatehouse.server.assignments;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssignmentsSdkPostgresTest extends AssignmentsSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
