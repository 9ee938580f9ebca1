package io.gatehouse.server.sts;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class AssumeRoleSdkH2Test extends AssumeRoleSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
