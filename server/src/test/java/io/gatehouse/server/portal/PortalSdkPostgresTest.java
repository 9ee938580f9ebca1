package io.gatehouse.server.portal;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalSdkPostgresTest extends PortalSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
