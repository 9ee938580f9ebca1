package io.gatehouse.server.organizations;

import java.util.Set;

/** The top of the OU tree; policy types are enabled per root. */
record Root(String id, String organizationId, String name, Set<OrganizationPolicyType> enabledPolicyTypes) {
  Root {
    enabledPolicyTypes = Set.copyOf(enabledPolicyTypes);
  }

  boolean enabled(OrganizationPolicyType type) {
    return enabledPolicyTypes.contains(type);
  }
}
