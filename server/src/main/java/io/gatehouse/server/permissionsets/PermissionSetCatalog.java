package io.gatehouse.server.permissionsets;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Read access to permission sets for other features (provisioning), inside their own transaction. */
public interface PermissionSetCatalog {
  /** The permission set as of the handle's transaction; empty if absent or not of that instance. */
  Optional<PermissionSet> find(Handle h, String instanceArn, String permissionSetArn);
}
