package io.gatehouse.server.sts;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssumeRoleSdkPostgresTest extends AssumeRoleSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
