package io.gatehouse.server.identitycenter;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class SsoAdminInstancesPostgresTest extends SsoAdminInstancesContract {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
