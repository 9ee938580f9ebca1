package io.gatehouse.server.permissionsets;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where permission sets, their policies and the tags of sso-admin resources are kept. Methods take
 * the caller's handle so that they join its transaction.
 */
interface PermissionSetStore {
  /** Serializes creations in one instance (the name and quota checks) until the transaction ends. */
  void lockInstance(Handle h, String instanceArn);

  int count(Handle h, String instanceArn);

  boolean nameTaken(Handle h, String instanceArn, String name);

  /** The whole set with its policies; {@code forUpdate} locks its row until the transaction ends. */
  Optional<PermissionSet> find(Handle h, String permissionSetArn, boolean forUpdate);

  /** ARNs of an instance's sets greater than {@code afterArn} (null: from the start), by ARN. */
  List<String> listArns(Handle h, String instanceArn, String afterArn, int limit);

  /** Inserts the set's own row; its lists must be empty. */
  void insert(Handle h, PermissionSet set);

  /** Writes the set's own columns (description, duration, relay state, inline policy, boundary, revision). */
  void update(Handle h, PermissionSet set);

  /** Deletes the set with its policies. */
  void delete(Handle h, String permissionSetArn);

  void attachManagedPolicy(Handle h, String permissionSetArn, String policyArn);

  /** @return false if it was not attached */
  boolean detachManagedPolicy(Handle h, String permissionSetArn, String policyArn);

  void attachCustomerPolicy(Handle h, String permissionSetArn, CustomerManagedPolicyReference ref);

  /** @return false if it was not attached */
  boolean detachCustomerPolicy(Handle h, String permissionSetArn, CustomerManagedPolicyReference ref);

  /** A resource's tags ordered by key. */
  List<Tag> tags(Handle h, String resourceArn);

  /** Adds the tag or replaces the value of the tag with that key. */
  void putTag(Handle h, String resourceArn, Tag tag);

  void removeTag(Handle h, String resourceArn, String key);

  void removeTags(Handle h, String resourceArn);
}
