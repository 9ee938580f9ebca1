package io.gatehouse.server.portal;

import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.iam.IamSnapshot;
import java.time.Instant;

/** Issues a session of a reserved role for a portal user (STS does: {@code StsFeature::issueRoleSession}). */
@FunctionalInterface
public interface RoleSessions {
  IssuedSession issue(IamSnapshot.RoleTrust role, String sessionName, Instant expiration);
}
