package io.gatehouse.server.auth;

import io.gatehouse.server.core.Caller;
import java.util.Objects;

/**
 * The principal a long-term access key signs for: an account's root or an IAM user.
 *
 * @param accountId the 12-digit account
 * @param arn {@code arn:aws:iam::<account>:root} or the user's ARN
 * @param userId the account id for the root, the user's {@code AIDA...} id for a user
 * @param type {@link Caller.PrincipalType#ROOT} or {@link Caller.PrincipalType#USER}
 */
public record KeyOwner(String accountId, String arn, String userId, Caller.PrincipalType type) {
  public KeyOwner {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(userId, "userId");
    if (type != Caller.PrincipalType.ROOT && type != Caller.PrincipalType.USER) {
      throw new IllegalArgumentException("long-term access keys belong to a root or a user, not " + type);
    }
  }

  public static KeyOwner root(String accountId) {
    return new KeyOwner(accountId, "arn:aws:iam::" + accountId + ":root", accountId, Caller.PrincipalType.ROOT);
  }
}
