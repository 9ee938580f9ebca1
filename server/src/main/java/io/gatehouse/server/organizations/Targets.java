package io.gatehouse.server.organizations;

import java.util.Optional;

/** Finds the root, OU or account an id names, and gives new ones their default policies. */
final class Targets {
  private Targets() {}

  /** A root, OU or account, with what ListTargetsForPolicy reports about it. */
  record Target(String id, TargetType type, String name) {
    String arn(Organization org) {
      return switch (type) {
        case ROOT -> Arns.root(org.managementAccountId(), org.id(), id);
        case ORGANIZATIONAL_UNIT -> Arns.organizationalUnit(org.managementAccountId(), org.id(), id);
        case ACCOUNT -> Arns.account(org.managementAccountId(), org.id(), id);
      };
    }
  }

  static Optional<Target> find(OrganizationStore store, String id) {
    return switch (TargetType.ofId(id)) {
      case ROOT -> store.root(id).map(r -> new Target(r.id(), TargetType.ROOT, r.name()));
      case ORGANIZATIONAL_UNIT -> store.organizationalUnit(id)
          .map(ou -> new Target(ou.id(), TargetType.ORGANIZATIONAL_UNIT, ou.name()));
      case ACCOUNT -> store.account(id).map(a -> new Target(a.id(), TargetType.ACCOUNT, a.name()));
    };
  }

  /** The root, or an OU (as its root and depth); empty if {@code parentId} names neither. */
  record Parent(String id, TargetType type, String rootId, int depth, String lineage) {}

  static Optional<Parent> findParent(OrganizationStore store, String parentId) {
    return switch (TargetType.ofId(parentId)) {
      case ROOT -> store.root(parentId).map(r -> new Parent(r.id(), TargetType.ROOT, r.id(), 0, r.id()));
      case ORGANIZATIONAL_UNIT -> store.organizationalUnit(parentId)
          .map(ou -> new Parent(ou.id(), TargetType.ORGANIZATIONAL_UNIT, ou.rootId(), ou.depth(), ou.lineage()));
      case ACCOUNT -> Optional.empty();
    };
  }

  /** Attaches to a new OU or account the AWS-managed default of every policy type enabled in its root. */
  static void attachDefaults(OrganizationStore store, Root root, String targetId, TargetType targetType) {
    for (OrganizationPolicyType type : root.enabledPolicyTypes()) {
      store.attach(new PolicyAttachment(type.defaultPolicyId(), type, targetId, targetType));
    }
  }
}
