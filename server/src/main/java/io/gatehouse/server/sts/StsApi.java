package io.gatehouse.server.sts;

import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.sts.StsErrors.AccessDeniedException;
import io.gatehouse.server.sts.StsShapes.AssumeRoleRequest;
import io.gatehouse.server.sts.StsShapes.AssumeRoleResponse;
import io.gatehouse.server.sts.StsShapes.AssumedRoleUser;
import io.gatehouse.server.sts.StsShapes.Credentials;
import io.gatehouse.server.sts.StsShapes.GetCallerIdentityRequest;
import io.gatehouse.server.sts.StsShapes.GetCallerIdentityResponse;
import io.gatehouse.server.sts.StsShapes.GetSessionTokenRequest;
import io.gatehouse.server.sts.StsShapes.GetSessionTokenResponse;
import java.time.Instant;

/** STS on the wire (query protocol): GetCallerIdentity, GetSessionToken and AssumeRole. */
final class StsApi implements ServiceApi {
  /** GetSessionToken's default for IAM users (12 h); the account root user gets at most 1 h. */
  static final int USER_SESSION_DEFAULT = 43_200;
  static final int ROOT_SESSION_MAX = 3_600;

  private final StsSessions sessions;
  private final RoleAssumption roles;

  StsApi(StsSessions sessions, RoleAssumption roles) {
    this.sessions = sessions;
    this.roles = roles;
  }

  @Override
  public String service() {
    return "sts";
  }

  @Override
  public void register(OperationRegistry r) {
    r.add("GetCallerIdentity", GetCallerIdentityRequest.class, (ctx, in) -> {
      Caller caller = ctx.caller();
      return new GetCallerIdentityResponse(caller.userId(), caller.accountId(), caller.arn());
    });
    r.add("GetSessionToken", GetSessionTokenRequest.class, (ctx, in) -> {
      Caller caller = ctx.caller();
      if (sessions.of(caller).isPresent() || caller.type() == Caller.PrincipalType.ASSUMED_ROLE
          || caller.type() == Caller.PrincipalType.FEDERATED_USER) {
        throw new AccessDeniedException("Cannot call GetSessionToken with session credentials");
      }
      int duration = in.durationSeconds() == null ? USER_SESSION_DEFAULT : in.durationSeconds();
      if (caller.type() == Caller.PrincipalType.ROOT) duration = Math.min(duration, ROOT_SESSION_MAX);
      Instant expiration = ctx.time().plusSeconds(duration);
      return new GetSessionTokenResponse(credentials(sessions.issue(caller, expiration, SessionContext.userSession())));
    });
    r.add("AssumeRole", AssumeRoleRequest.class, (ctx, in) -> {
      RoleAssumption.Assumed assumed = roles.assume(ctx, in);
      return new AssumeRoleResponse(credentials(assumed.credentials()),
          new AssumedRoleUser(assumed.assumedRoleId(), assumed.arn()), assumed.packedPolicySize(),
          assumed.sourceIdentity());
    });
  }

  private static Credentials credentials(IssuedSession s) {
    return new Credentials(s.accessKeyId(), s.secretAccessKey(), s.sessionToken(), s.expiration());
  }
}
