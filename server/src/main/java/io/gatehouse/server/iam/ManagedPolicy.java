package io.gatehouse.server.iam;

import java.time.Instant;

/**
 * A managed policy: a customer managed one of an account, or an AWS managed one (account
 * {@value #AWS_ACCOUNT}, read-only, shipped as data).
 *
 * @param defaultVersion the version in force, {@code v1}…
 * @param nextVersion the number the next version gets (AWS never reuses version ids)
 */
record ManagedPolicy(String id, String accountId, String name, String path, String description, String defaultVersion,
    int nextVersion, Instant createdAt, Instant updatedAt) {
  static final String AWS_ACCOUNT = "aws";

  String arn() {
    return arn(accountId, path, name);
  }

  boolean awsManaged() {
    return AWS_ACCOUNT.equals(accountId);
  }

  static String arn(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":policy" + path + name;
  }
}
