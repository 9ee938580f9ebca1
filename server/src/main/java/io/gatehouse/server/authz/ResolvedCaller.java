package io.gatehouse.server.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything about an authenticated request that AWS's global condition keys describe: who the
 * principal is (resolved from the access key or the session token against the snapshot) and how
 * the request arrived.
 *
 * @param accountId the principal's 12-digit account
 * @param arn the caller's own ARN as GetCallerIdentity reports it (an assumed-role session's ARN for sessions)
 * @param principalArn {@code aws:PrincipalArn}: the same, except the role's ARN (with path) for an assumed-role session
 * @param type the kind of principal
 * @param userId {@code aws:userid}: the account id (root), {@code AIDA...} (user), {@code AROA...:session} (role session), {@code account:name} (federated user)
 * @param userName the IAM user's name; only {@link PrincipalKind#USER} has one
 * @param tags the user's or role's tags, overridden by session tags
 * @param organizationId {@code o-...} when the account belongs to an organization, else null
 * @param organizationPaths {@code o-a/r-b/ou-c/} paths of the account (empty without an organization)
 * @param mfaPresent whether the temporary credentials were issued after MFA authentication
 * @param tokenIssueTime when the temporary credentials were issued; null for long-term credentials
 * @param sourceIdentity the session's source identity, or null
 * @param sourceIp the client's address, or null when unknown
 * @param secureTransport whether the request came over TLS
 * @param requestedRegion the region of the SigV4 credential scope
 * @param currentTime when the request arrived (from the injected clock)
 */
public record ResolvedCaller(
    String accountId, String arn, String principalArn, PrincipalKind type, String userId, String userName,
    Map<String, String> tags, String organizationId, List<String> organizationPaths, boolean mfaPresent,
    Instant tokenIssueTime, String sourceIdentity, String sourceIp, boolean secureTransport, String requestedRegion,
    Instant currentTime) {

  public ResolvedCaller {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(requestedRegion, "requestedRegion");
    Objects.requireNonNull(currentTime, "currentTime");
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    organizationPaths = organizationPaths == null ? List.of() : List.copyOf(organizationPaths);
    if (type == PrincipalKind.USER && userName == null) throw new IllegalArgumentException("an IAM user has a user name");
    if (type != PrincipalKind.USER && userName != null) throw new IllegalArgumentException("only IAM users have a user name (aws:username)");
  }

  /** This caller as seen from an unknown address (no {@code aws:SourceIp}). */
  public ResolvedCaller withoutSourceIp() {
    return new ResolvedCaller(accountId, arn, principalArn, type, userId, userName, tags, organizationId, organizationPaths,
        mfaPresent, tokenIssueTime, sourceIdentity, null, secureTransport, requestedRegion, currentTime);
  }

  /** True when the request was signed with temporary credentials (an {@code ASIA...} key and a session token). */
  public boolean temporaryCredentials() {
    return tokenIssueTime != null;
  }

  /** The kinds of principal, with the value AWS gives {@code aws:PrincipalType}. */
  public enum PrincipalKind {
    ROOT("Account"), USER("User"), ASSUMED_ROLE("AssumedRole"), FEDERATED_USER("FederatedUser");

    private final String principalType;

    PrincipalKind(String principalType) {
      this.principalType = principalType;
    }

    /** The value of {@code aws:PrincipalType}. */
    public String principalType() {
      return principalType;
    }
  }
}
