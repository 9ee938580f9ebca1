package io.gatehouse.server.organizations;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK suite on PostgreSQL (skipped outside CI when none is configured). */
class OrganizationsSdkPostgresTest extends OrganizationsSdkTestBase {
  @RegisterExtension
  static final GatehouseTestServer SERVER = GatehouseTestServer.postgres();

  @Override
  GatehouseTestServer server() {
    return SERVER;
  }
}
