package io.gatehouse.server.identitycenter;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Where Identity Center instances are kept. Methods take the caller's handle so they join its transaction. */
interface InstanceStore {
  Optional<Instance> find(Handle h, String instanceArn);

  Optional<Instance> findByOwner(Handle h, String ownerAccountId);

  /** Instances of one owner with ARN greater than {@code afterArn} (null: from the start), by ARN. */
  List<Instance> listByOwner(Handle h, String ownerAccountId, String afterArn, int limit);

  void insert(Handle h, Instance instance);
}
