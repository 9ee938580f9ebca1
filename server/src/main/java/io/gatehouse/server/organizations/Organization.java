package io.gatehouse.server.organizations;

import java.time.Instant;

/** The one organization a Gatehouse server holds. */
record Organization(String id, FeatureSet featureSet, String managementAccountId, Instant createdAt) {
  String arn() {
    return Arns.organization(managementAccountId, id);
  }
}
