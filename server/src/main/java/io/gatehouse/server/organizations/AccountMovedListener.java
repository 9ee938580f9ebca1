package io.gatehouse.server.organizations;

import org.jdbi.v3.core.Handle;

/**
 * Told of every account MoveAccount moves, inside MoveAccount's transaction, after the move: the
 * assignment rules re-expand there, so the account's rule-made assignments change with the move or
 * not at all. An exception rolls the whole MoveAccount back.
 */
@FunctionalInterface
public interface AccountMovedListener {
  /**
   * @param handle the open transaction, which already sees the account under its new parent
   * @param accountId the account moved
   * @param sourceParentId the root or OU it left
   * @param destinationParentId the root or OU it is now under
   */
  void accountMoved(Handle handle, String accountId, String sourceParentId, String destinationParentId);
}
