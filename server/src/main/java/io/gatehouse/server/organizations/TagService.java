package io.gatehouse.server.organizations;

import io.gatehouse.server.organizations.OrganizationsErrors.InvalidInputException;
import io.gatehouse.server.organizations.OrganizationsErrors.TargetNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags on the root, OUs, accounts and customer policies (TagResource, UntagResource, ListTagsForResource). */
final class TagService {
  private final OrganizationTransactions tx;
  private final OrganizationQuotas quotas;

  TagService(OrganizationTransactions tx, OrganizationQuotas quotas) {
    this.tx = tx;
    this.quotas = quotas;
  }

  /** Adds the tags, replacing the values of keys the resource has already. */
  void tagResource(String resourceId, List<Tag> tags) {
    List<Tag> checked = TagRules.check(tags, quotas);
    tx.write((h, store) -> {
      requireTaggable(store, resourceId);
      Map<String, Tag> merged = new LinkedHashMap<>();
      for (Tag t : store.tags(resourceId)) merged.put(t.key(), t);
      for (Tag t : checked) merged.put(t.key(), t);
      TagRules.checkCount(merged.size(), quotas);
      store.deleteTags(resourceId, checked.stream().map(Tag::key).toList());
      store.insertTags(resourceId, checked);
      return null;
    });
  }

  void untagResource(String resourceId, List<String> keys) {
    List<String> checked = keys == null ? List.of() : List.copyOf(keys);
    checked.forEach(TagRules::checkKey);
    tx.write((h, store) -> {
      requireTaggable(store, resourceId);
      store.deleteTags(resourceId, checked);
      return null;
    });
  }

  /** All of a resource's tags, by key (at most 50: one page). */
  List<Tag> listTagsForResource(String resourceId) {
    return tx.read(store -> {
      requireTaggable(store, resourceId);
      return store.tags(resourceId);
    });
  }

  private static void requireTaggable(OrganizationStore store, String resourceId) {
    OrganizationTransactions.requireOrganization(store);
    if (resourceId.startsWith("p-")) {
      Policy policy = store.policy(resourceId).orElseThrow(() -> new TargetNotFoundException(resourceId));
      if (policy.awsManaged()) {
        throw new InvalidInputException(InvalidInputException.Reason.IMMUTABLE_POLICY,
            "You specified a policy that is managed by AWS and can't be modified: " + policy.name() + ".");
      }
      return;
    }
    Targets.find(store, resourceId).orElseThrow(() -> new TargetNotFoundException(resourceId));
  }
}
