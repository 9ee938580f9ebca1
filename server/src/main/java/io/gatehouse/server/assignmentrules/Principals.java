package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.identitystore.IdentityStoreFeature;

/** Whether a rule's user or group exists in the identity store (read as committed). */
@FunctionalInterface
interface Principals {
  boolean exist(String identityStoreId, PrincipalType type, String principalId);

  static Principals of(IdentityStoreFeature identityStore) {
    return (store, type, id) -> switch (type) {
      case USER -> identityStore.user(store, id).isPresent();
      case GROUP -> identityStore.group(store, id).isPresent();
    };
  }
}
