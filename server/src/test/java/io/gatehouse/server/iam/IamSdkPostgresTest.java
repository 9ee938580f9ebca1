package io.gatehouse.server.iam;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class IamSdkPostgresTest extends IamSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return server;
  }
}
