package io.gatehouse.server.organizations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of the organization, bound to one database transaction. The services hold the rules;
 * the store only reads and writes rows. Lists page by keyset ({@link Keyset}, {@link Slice}) in
 * creation order.
 */
interface OrganizationStore {

  // --- organization and roots

  Optional<Organization> organization();

  /**
   * Serializes writers: takes the organization row's lock until the transaction ends, so that the
   * checks a write makes (depth, counts, last SCP...) still hold when it commits.
   *
   * @throws OrganizationsErrors.ConcurrentModificationException if the lock cannot be had in time
   */
  void lockOrganization();

  /** @return false if another organization exists already (one per database) */
  boolean insertOrganization(Organization organization);

  void insertRoot(Root root);

  Optional<Root> root(String rootId);

  Slice<Root> roots(Keyset page);

  void enablePolicyType(String rootId, OrganizationPolicyType type);

  void disablePolicyType(String rootId, OrganizationPolicyType type);

  // --- organizational units

  void insertOrganizationalUnit(OrganizationalUnit ou);

  Optional<OrganizationalUnit> organizationalUnit(String ouId);

  Optional<OrganizationalUnit> organizationalUnitByName(String parentId, String name);

  void renameOrganizationalUnit(String ouId, String name);

  void deleteOrganizationalUnit(String ouId);

  Slice<OrganizationalUnit> organizationalUnitsForParent(String parentId, Keyset page);

  List<OrganizationalUnit> allOrganizationalUnits();

  long countOrganizationalUnits();

  /** True if the root or OU holds any OU or account. */
  boolean hasChildren(String parentId);

  // --- accounts

  void insertAccount(Account account);

  Optional<Account> account(String accountId);

  boolean emailInUse(String email);

  void moveAccount(String accountId, String parentId);

  void updateAccountStatus(String accountId, AccountStatus status, Instant closedAt);

  Slice<Account> accounts(Keyset page);

  Slice<Account> accountsForParent(String parentId, Keyset page);

  List<Account> allAccounts();

  long countAccounts();

  // --- account creation requests

  void insertAccountCreation(AccountCreation creation);

  Optional<AccountCreation> accountCreation(String requestId);

  /** @param states the states to list; empty for all */
  Slice<AccountCreation> accountCreations(Set<String> states, Keyset page);

  // --- policies

  void insertPolicy(Policy policy);

  /** Writes an AWS-managed policy, or refreshes its content if it exists. */
  void upsertManagedPolicy(Policy policy);

  Optional<Policy> policy(String policyId);

  Optional<Policy> policyByName(OrganizationPolicyType type, String name);

  void updatePolicy(Policy policy);

  void deletePolicy(String policyId);

  Slice<Policy> policies(OrganizationPolicyType type, Keyset page);

  long countCustomerPolicies(OrganizationPolicyType type);

  // --- attachments

  void attach(PolicyAttachment attachment);

  void detach(String policyId, String targetId);

  boolean attached(String policyId, String targetId);

  boolean policyInUse(String policyId);

  long countAttached(String targetId, OrganizationPolicyType type);

  Slice<Policy> policiesForTarget(String targetId, OrganizationPolicyType type, Keyset page);

  Slice<PolicyAttachment> targetsForPolicy(String policyId, Keyset page);

  /** Every attachment with its policy, for the read model. */
  List<AttachedPolicyRow> allAttachments();

  void detachAllFromTarget(String targetId);

  void detachAllOfType(OrganizationPolicyType type);

  // --- tags

  void insertTags(String resourceId, List<Tag> tags);

  List<Tag> tags(String resourceId);

  /** The tags of every account, by account id (accounts without tags are absent). */
  java.util.Map<String, List<Tag>> allAccountTags();

  void deleteTags(String resourceId);

  void deleteTags(String resourceId, Collection<String> keys);

  /** An attachment joined with its policy. */
  record AttachedPolicyRow(PolicyAttachment attachment, Policy policy) {}
}
