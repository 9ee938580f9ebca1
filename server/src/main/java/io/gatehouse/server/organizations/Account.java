package io.gatehouse.server.organizations;

import java.time.Duration;
import java.time.Instant;

/**
 * A member (or the management) account of the organization.
 *
 * @param joinedMethod {@code CREATED} for CreateAccount, {@code INVITED} (as AWS reports) for the management account
 * @param closedAt when CloseAccount was called, or null
 * @param parentLineage the lineage of the parent (see {@link OrganizationalUnit#lineage()}), as read
 *     from the store; the root's id for an account directly under the root
 */
record Account(
    String id, String name, String email, String parentId, AccountStatus status, String joinedMethod,
    Instant joinedAt, Instant closedAt, String parentLineage) {

  /** AWS keeps a closed account SUSPENDED for 90 days, then it is CLOSED for good. */
  static final Duration POST_CLOSURE_PERIOD = Duration.ofDays(90);

  /** The model's AccountState at {@code now}: the newer field that also knows CLOSED. */
  String state(Instant now) {
    return switch (status) {
      case ACTIVE -> "ACTIVE";
      case PENDING_CLOSURE -> "PENDING_CLOSURE";
      case SUSPENDED -> closedAt != null && !now.isBefore(closedAt.plus(POST_CLOSURE_PERIOD)) ? "CLOSED" : "SUSPENDED";
    };
  }

  /** The model's Path: {@code o-…/r-…/ou-…/123456789012/}. */
  String path(String organizationId) {
    return organizationId + "/" + parentLineage + "/" + id + "/";
  }
}
