package io.gatehouse.server.iam;

import java.time.Instant;

/**
 * An IAM user, group or role of one account. The role-only values (trust policy, maximum session
 * duration) are null for users and groups; groups have no permissions boundary.
 *
 * @param permissionsBoundary the ARN of the managed policy used as boundary, or null
 */
record Identity(IdentityKind kind, String id, String accountId, String name, String path, String description,
    String trustPolicy, Integer maxSessionDuration, String permissionsBoundary, Instant createdAt) {

  String arn() {
    return kind.arn(accountId, path, name);
  }

  Identity withName(String newName, String newPath) {
    return new Identity(kind, id, accountId, newName, newPath, description, trustPolicy, maxSessionDuration,
        permissionsBoundary, createdAt);
  }
}
