package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.policy.AuthorizationRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request context AWS builds for a signed request, in the form the policy engine's
 * {@link AuthorizationRequest} takes: the global condition keys of the caller (with AWS's rules of
 * when each is present, see "AWS global condition context keys" in the IAM User Guide), plus the
 * keys the operation's input and the resource's tags feed.
 */
public final class RequestContextKeys {
  private static final List<String> TRUE = List.of("true");
  private static final List<String> FALSE = List.of("false");

  /** Services with a single endpoint in us-east-1 (model folder names): AWS reports that region for them. */
  private static final java.util.Set<String> US_EAST_1_ONLY = java.util.Set.of("iam", "organizations");

  private RequestContextKeys() {}

  /**
   * The value of {@code aws:RequestedRegion} for a call to {@code service} signed for
   * {@code signedRegion}: IAM and Organizations have one endpoint, in us-east-1, so AWS reports
   * us-east-1 for them whatever the client's configured region; other services report the region called.
   */
  public static String requestedRegion(String service, String signedRegion) {
    return US_EAST_1_ONLY.contains(service) ? "us-east-1" : signedRegion;
  }

  /** The global keys of a request by {@code caller}; keys AWS leaves out in a situation are absent. */
  public static Map<String, List<String>> global(ResolvedCaller caller) {
    Map<String, List<String>> ctx = HashMap.newHashMap(20 + caller.tags().size());
    // Principal properties: present in every signed request.
    ctx.put("aws:PrincipalArn", List.of(caller.principalArn()));
    ctx.put("aws:PrincipalAccount", List.of(caller.accountId()));
    ctx.put("aws:PrincipalType", List.of(caller.type().principalType()));
    ctx.put("aws:userid", List.of(caller.userId()));
    ctx.put("aws:PrincipalIsAWSService", FALSE);
    // Only IAM users have aws:username.
    if (caller.type() == ResolvedCaller.PrincipalKind.USER) ctx.put("aws:username", List.of(caller.userName()));
    // Only principals in an organization.
    if (caller.organizationId() != null) {
      ctx.put("aws:PrincipalOrgID", List.of(caller.organizationId()));
      if (!caller.organizationPaths().isEmpty()) ctx.put("aws:PrincipalOrgPaths", caller.organizationPaths());
    }
    // Tags of the user or role, and session tags; absent when there are none.
    caller.tags().forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, List.of(v)));
    // Session properties: only with temporary credentials; MFA age only when MFA was used.
    if (caller.temporaryCredentials()) {
      ctx.put("aws:TokenIssueTime", List.of(iso(caller.tokenIssueTime())));
      ctx.put("aws:MultiFactorAuthPresent", caller.mfaPresent() ? TRUE : FALSE);
      if (caller.mfaPresent()) {
        long age = Math.max(0, Duration.between(caller.tokenIssueTime(), caller.currentTime()).toSeconds());
        ctx.put("aws:MultiFactorAuthAge", List.of(Long.toString(age)));
      }
      if (caller.sourceIdentity() != null) ctx.put("aws:SourceIdentity", List.of(caller.sourceIdentity()));
    }
    // Network and request properties.
    if (caller.sourceIp() != null) ctx.put("aws:SourceIp", List.of(caller.sourceIp()));
    ctx.put("aws:SecureTransport", caller.secureTransport() ? TRUE : FALSE);
    ctx.put("aws:RequestedRegion", List.of(caller.requestedRegion()));
    ctx.put("aws:CurrentTime", List.of(iso(caller.currentTime())));
    ctx.put("aws:EpochTime", List.of(Long.toString(caller.currentTime().getEpochSecond())));
    // The caller calls Gatehouse directly: no service calls on its behalf (aws:CalledVia is absent).
    ctx.put("aws:ViaAWSService", FALSE);
    return ctx;
  }

  /**
   * The whole context of one request: the global keys, the keys {@code input} feeds for this
   * operation (aws:RequestTag/*, aws:TagKeys, iam:PolicyARN, iam:PermissionsBoundary, sts:ExternalId,
   * ...), and the resource's tags as aws:ResourceTag/* and iam:ResourceTag/* where the action
   * supports them.
   *
   * @param resourceTags the tags of the resource acted on (empty when it has none or does not exist yet)
   */
  public static Map<String, List<String>> of(ResolvedCaller caller, CatalogEntry entry, JsonNode input,
      Map<String, String> resourceTags) {
    Map<String, List<String>> ctx = global(caller);
    entry.addRequestKeys(input, ctx);
    if (!resourceTags.isEmpty()) {
      boolean aws = entry.supportsConditionKey("aws:ResourceTag/x");
      boolean iam = entry.supportsConditionKey("iam:ResourceTag/x");
      resourceTags.forEach((k, v) -> {
        if (aws) ctx.put("aws:ResourceTag/" + k, List.of(v));
        if (iam) ctx.put("iam:ResourceTag/" + k, List.of(v));
      });
    }
    return ctx;
  }

  /**
   * A policy-engine request for {@code caller} performing {@code entry}'s action on {@code resourceArn}
   * (one of {@link CatalogEntry#resourceArns}); the enforcement layer adds the management-account
   * flags and authorizes it against the caller's policies.
   */
  public static AuthorizationRequest.Builder request(ResolvedCaller caller, CatalogEntry entry, String resourceArn,
      JsonNode input, Map<String, String> resourceTags) {
    if (entry.action() == null) throw new IllegalArgumentException(entry.service() + " " + entry.operation() + " is not authorized by IAM policies");
    AuthorizationRequest.Builder b = AuthorizationRequest.builder()
        .principal(caller.arn())
        .action(entry.action())
        .resource(resourceArn)
        .context(of(caller, entry, input, resourceTags));
    if (caller.type() == ResolvedCaller.PrincipalKind.ASSUMED_ROLE) b.roleArn(caller.principalArn());
    return b;
  }

  private static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
