package io.gatehouse.server.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The session behind a request signed with temporary credentials, as authorization needs it
 * (recovered from the sealed session token, never from the database).
 *
 * @param issuedAt {@code aws:TokenIssueTime}
 * @param roleArn the assumed role's ARN with its path; null for a GetSessionToken session
 * @param inlinePolicy the inline session policy, or null
 * @param policyArns the managed session policies' ARNs
 * @param tags the session tags, which override the role's tags of the same key
 * @param sourceIdentity the source identity, or null
 */
public record CallerSession(Instant issuedAt, String roleArn, String inlinePolicy, List<String> policyArns,
    Map<String, String> tags, String sourceIdentity) {

  public CallerSession {
    Objects.requireNonNull(issuedAt, "issuedAt");
    policyArns = List.copyOf(policyArns);
    tags = Map.copyOf(tags);
  }

  /** True when session policies bound what the session may do. */
  public boolean hasSessionPolicies() {
    return inlinePolicy != null || !policyArns.isEmpty();
  }
}
