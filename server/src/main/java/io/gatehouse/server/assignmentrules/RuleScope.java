package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.organizations.OrganizationTree;

/** Which accounts a rule covers: those under a root or OU (at any depth), or those with a tag. */
sealed interface RuleScope {

  /** True if the rule covers the account as the organization stands in {@code tree}. */
  boolean covers(OrganizationTree tree, String accountId);

  /** Every active account under the root or OU {@code parentId}, however deep. */
  record OrganizationalUnit(String parentId) implements RuleScope {
    @Override
    public boolean covers(OrganizationTree tree, String accountId) {
      return tree.isUnder(accountId, parentId);
    }
  }

  /** Every active account whose tag {@code key} has exactly {@code value} (tags compare case-sensitively, as AWS's do). */
  record AccountTag(String key, String value) implements RuleScope {
    @Override
    public boolean covers(OrganizationTree tree, String accountId) {
      return value.equals(tree.accountTags(accountId).get(key));
    }
  }
}
