package io.gatehouse.server.organizations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The AWS-managed organization policies: {@code FullAWSAccess} (SCP) and {@code RCPFullAWSAccess}
 * (RCP), attached by default everywhere while their type is enabled. Their documents are kept as
 * data next to this class.
 */
final class ManagedPolicies {
  private static final String DESCRIPTION = "Allows access to every operation";

  private ManagedPolicies() {}

  static List<Policy> all() {
    return Arrays.stream(OrganizationPolicyType.values()).map(ManagedPolicies::defaultFor).toList();
  }

  /** The policy a new root, OU or account gets while {@code type} is enabled. */
  static Policy defaultFor(OrganizationPolicyType type) {
    return new Policy(type.defaultPolicyId(), type, type.defaultPolicyName(), DESCRIPTION,
        load(type.defaultPolicyName() + ".json"), true);
  }

  private static String load(String resource) {
    try (InputStream in = ManagedPolicies.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing managed policy document " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
