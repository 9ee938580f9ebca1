package io.gatehouse.server.organizations;

import java.time.Instant;

/**
 * An OU. {@code depth} is 1 for a child of the root; AWS allows five levels. {@code lineage} is the
 * ids from the root down to this OU joined by {@code /} ({@code r-ab12/ou-ab12-11111111}); OUs never
 * move, so it never changes.
 */
record OrganizationalUnit(
    String id, String rootId, String parentId, String name, int depth, String lineage, Instant createdAt) {

  OrganizationalUnit withName(String newName) {
    return new OrganizationalUnit(id, rootId, parentId, newName, depth, lineage, createdAt);
  }

  /** The model's Path: {@code o-…/r-…/ou-…/}. */
  String path(String organizationId) {
    return organizationId + "/" + lineage + "/";
  }
}
