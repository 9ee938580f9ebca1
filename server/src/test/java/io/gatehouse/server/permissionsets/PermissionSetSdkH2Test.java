package io.gatehouse.server.permissionsets;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PermissionSetSdkH2Test extends PermissionSetSdkContract {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
