package io.gatehouse.server.assignments;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Account assignments asked for by another feature (assignment rules) inside its own transaction.
 * Every assignment records its origin: {@code api} for CreateAccountAssignment, e.g.
 * {@code rule/<id>} for a rule. Provisioning of the role follows after the caller commits.
 */
public interface AssignmentRequests {
  /** The origin of assignments made by CreateAccountAssignment. */
  String API_ORIGIN = "api";

  /**
   * In the caller's transaction: creates the assignment if absent, exactly as CreateAccountAssignment
   * would (status IN_PROGRESS, provisioning follows after commit), recording {@code origin}; returns
   * false (and changes nothing) if it already exists, whatever its origin.
   *
   * @throws io.gatehouse.server.core.AwsException as CreateAccountAssignment would (unknown principal,
   *     account or permission set)
   */
  boolean ensure(Handle h, AssignmentTarget target, String origin);

  /** In the caller's transaction: requests deletion of the assignment if it exists AND has this origin. */
  boolean remove(Handle h, AssignmentTarget target, String origin);

  /** The assignments (not deleted or being deleted) with this origin. */
  List<AssignmentTarget> listByOrigin(Handle h, String origin);
}
