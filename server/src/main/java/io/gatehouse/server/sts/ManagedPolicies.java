package io.gatehouse.server.sts;

import io.gatehouse.server.iam.IamSnapshot;
import java.util.Optional;

/** Finds a managed policy's default document by ARN in the IAM snapshot, for managed session policies. */
final class ManagedPolicies {
  private ManagedPolicies() {}

  static Optional<String> document(IamSnapshot iam, String arn) {
    return iam.managedPolicy(arn).map(IamSnapshot.PolicyDocument::document);
  }
}
