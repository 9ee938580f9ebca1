package io.gatehouse.server.permissionsets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Tags of permission sets and of the instance (TagResource, UntagResource, ListTagsForResource).
 * Tag changes are not content changes: they leave a set's revision alone.
 */
final class PermissionSetTags {
  private static final Pattern PERMISSION_SET = Pattern.compile("arn:aws:sso:::permissionSet/(ssoins-[0-9a-f]{16})/ps-[0-9a-f]{16}");
  private static final Pattern INSTANCE = Pattern.compile("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
  private static final int PAGE = 50;

  private final PermissionSetTransactions tx;
  private final PermissionSetStore store;
  private final PermissionSetQuotas quotas;

  PermissionSetTags(PermissionSetTransactions tx, PermissionSetStore store, PermissionSetQuotas quotas) {
    this.tx = tx;
    this.store = store;
    this.quotas = quotas;
  }

  void tag(String caller, String instanceArn, String resourceArn, List<Tag> tags) {
    onResource(caller, instanceArn, resourceArn, true, h -> {
      add(h, resourceArn, tags);
      return null;
    });
  }

  void untag(String caller, String instanceArn, String resourceArn, List<String> keys) {
    onResource(caller, instanceArn, resourceArn, true, h -> {
      for (String key : keys) store.removeTag(h, resourceArn, key);
      return null;
    });
  }

  Page<Tag> list(String caller, String instanceArn, String resourceArn, String nextToken) {
    return onResource(caller, instanceArn, resourceArn, false,
        h -> Page.ofAll(store.tags(h, resourceArn), nextToken, PAGE, Tag::key));
  }

  /** Adds or replaces tags in the caller's transaction, within the quota; keys starting {@code aws:} are AWS's. */
  void add(Handle h, String resourceArn, List<Tag> tags) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (Tag t : store.tags(h, resourceArn)) merged.put(t.key(), t.value());
    for (Tag t : tags) {
      if (t.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw new PermissionSetErrors.ValidationException("Tag keys starting with `aws:` are reserved for AWS use.");
      }
      merged.put(t.key(), t.value());
    }
    if (merged.size() > quotas.tagsPerResource()) {
      throw new PermissionSetErrors.QuotaExceededException("A resource can have at most " + quotas.tagsPerResource()
          + " tags.");
    }
    for (Tag t : tags) store.putTag(h, resourceArn, t);
  }

  private interface TagWork<R> {
    R apply(Handle h);
  }

  /**
   * Runs the work for a permission set (of the given instance, or of the one its ARN names) or for
   * the instance itself; other taggable sso-admin resources do not exist here.
   */
  private <R> R onResource(String caller, String instanceArn, String resourceArn, boolean write, TagWork<R> work) {
    Matcher ps = PERMISSION_SET.matcher(resourceArn);
    if (ps.matches()) {
      String owner = "arn:aws:sso:::instance/" + ps.group(1);
      if (instanceArn != null && !instanceArn.equals(owner)) throw PermissionSetErrors.NotFoundException.permissionSet(resourceArn);
      return write ? tx.write(caller, owner, resourceArn, (h, set) -> work.apply(h))
          : tx.read(caller, owner, resourceArn, (h, set) -> work.apply(h));
    }
    if (INSTANCE.matcher(resourceArn).matches() && (instanceArn == null || instanceArn.equals(resourceArn))) {
      return write ? tx.writeInstance(caller, resourceArn, (h, instance) -> work.apply(h))
          : tx.readInstance(caller, resourceArn, (h, instance) -> work.apply(h));
    }
    throw new PermissionSetErrors.NotFoundException("Resource " + resourceArn + " does not exist.");
  }
}
