package io.gatehouse.server.assignmentrules;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of assignment rules, in the caller's transaction. Lists page by creation order. */
interface RuleStore {

  /**
   * Takes the one lock every rule write and every expansion holds until its transaction ends.
   *
   * @throws RuleErrors.ConflictException if the database gives up waiting (H2's lock timeout)
   */
  void lock(Handle h);

  /** Takes the lock if no other transaction holds it; false (and nothing held) if one does. */
  boolean tryLock(Handle h);

  void insert(Handle h, AssignmentRule rule);

  Optional<AssignmentRule> find(Handle h, String ruleId);

  /** Rules of the instance created after the one with sequence {@code afterSeq}, at most {@code limit}. */
  List<Sequenced> list(Handle h, String instanceArn, long afterSeq, int limit);

  List<AssignmentRule> all(Handle h);

  void delete(Handle h, String ruleId);

  void updateStatusReason(Handle h, String ruleId, String reason);

  /** The instance's owner and identity store, if the instance exists. */
  Optional<InstanceRef> instance(Handle h, String instanceArn);

  record Sequenced(long seq, AssignmentRule rule) {}

  record InstanceRef(String instanceArn, String ownerAccountId, String identityStoreId) {}
}
