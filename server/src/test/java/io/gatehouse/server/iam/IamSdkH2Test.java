package io.gatehouse.server.iam;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class IamSdkH2Test extends IamSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
