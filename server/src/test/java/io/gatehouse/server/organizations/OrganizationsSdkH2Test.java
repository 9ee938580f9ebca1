package io.gatehouse.server.organizations;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK suite on embedded H2. */
class OrganizationsSdkH2Test extends OrganizationsSdkTestBase {
  @RegisterExtension
  static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
