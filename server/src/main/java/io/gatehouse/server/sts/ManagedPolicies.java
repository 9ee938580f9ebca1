package io.gatehouse.server.sts;

import io.gatehouse.server.iam.IamSnapshot;
import java.util.Optional;

/**
 * Finds a managed policy's default document by ARN in the IAM snapshot, for managed session
 * policies. The snapshot indexes managed policies only through the principals they are attached
 * to, so a policy attached to no user, group member or role is not found (to be replaced by a
 * lookup on the snapshot itself).
 */
final class ManagedPolicies {
  private ManagedPolicies() {}

  static Optional<String> document(IamSnapshot iam, String arn) {
    for (IamSnapshot.Principal p : iam.principals().values()) {
      for (IamSnapshot.PolicyDocument doc : p.identityPolicies()) {
        if (arn.equals(doc.arn())) return Optional.of(doc.document());
      }
      Optional<IamSnapshot.PolicyDocument> boundary = p.permissionsBoundary();
      if (boundary.isPresent() && arn.equals(boundary.get().arn())) return Optional.of(boundary.get().document());
    }
    return Optional.empty();
  }
}
