package io.gatehouse.server.portal;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalSdkH2Test extends PortalSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
