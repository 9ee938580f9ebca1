package io.gatehouse.server.permissionsets;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PermissionSetSdkPostgresTest extends PermissionSetSdkContract {
  @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
