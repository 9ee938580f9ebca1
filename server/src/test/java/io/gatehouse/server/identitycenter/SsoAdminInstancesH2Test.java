package io.gatehouse.server.identitycenter;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class SsoAdminInstancesH2Test extends SsoAdminInstancesContract {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
