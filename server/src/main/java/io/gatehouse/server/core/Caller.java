package io.gatehouse.server.core;

import java.util.Objects;

/**
 * The authenticated principal of a request, as resolved from its access key.
 *
 * @param accountId the 12-digit account the principal belongs to
 * @param arn the principal's ARN ({@code arn:aws:iam::123456789012:root}, a user, or an assumed-role session)
 * @param userId AWS's unique id of the principal ({@code AIDA...}, {@code AROA...:session}, or the account id for root)
 * @param type what kind of principal this is
 * @param accessKeyId the key that signed the request
 */
public record Caller(String accountId, String arn, String userId, PrincipalType type, String accessKeyId) {
  public Caller {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(type, "type");
  }

  public enum PrincipalType { ROOT, USER, ASSUMED_ROLE, FEDERATED_USER }

  public static Caller root(String accountId, String accessKeyId) {
    return new Caller(accountId, "arn:aws:iam::" + accountId + ":root", accountId, PrincipalType.ROOT, accessKeyId);
  }
}
