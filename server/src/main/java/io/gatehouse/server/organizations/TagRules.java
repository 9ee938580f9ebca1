package io.gatehouse.server.organizations;

import io.gatehouse.server.organizations.OrganizationsErrors.ConstraintViolationException;
import io.gatehouse.server.organizations.OrganizationsErrors.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules for tags given at creation (the model already checked each key's and value's pattern). */
final class TagRules {
  private TagRules() {}

  /** @return the tags, null read as none */
  static List<Tag> check(List<Tag> tags, OrganizationQuotas quotas) {
    if (tags == null || tags.isEmpty()) return List.of();
    checkCount(tags.size(), quotas);
    Set<String> keys = new HashSet<>();
    for (Tag t : tags) {
      checkKey(t.key());
      if (!keys.add(t.key())) {
        throw new InvalidInputException(InvalidInputException.Reason.DUPLICATE_TAG_KEY,
            "Tag keys must be unique among the tags attached to the same entity: " + t.key() + ".");
      }
    }
    return List.copyOf(tags);
  }

  static void checkCount(int count, OrganizationQuotas quotas) {
    if (count > quotas.maxTagsPerResource()) {
      throw new ConstraintViolationException(ConstraintViolationException.Reason.MAX_TAG_LIMIT_EXCEEDED,
          "You have exceeded the number of tags allowed on this resource (" + quotas.maxTagsPerResource() + ").");
    }
  }

  static void checkKey(String key) {
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw new InvalidInputException(InvalidInputException.Reason.INVALID_SYSTEM_TAGS_PARAMETER,
          "You specified a tag key that is a system tag: " + key + ". Keys beginning with aws: are reserved for AWS use.");
    }
  }
}
