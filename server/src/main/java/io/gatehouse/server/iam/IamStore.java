package io.gatehouse.server.iam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * IAM's tables, on one handle: every write joins the caller's transaction, which locks the account
 * first ({@link #lockAccount}) and ends by appending to the change log. Names are looked up
 * case-insensitively; lists come in AWS's order (by name, case-insensitively).
 */
interface IamStore {
  /** Creates the account's IAM row unless it exists and locks it until the transaction ends. */
  void lockAccount(String accountId);

  Optional<Identity> identity(String accountId, IdentityKind kind, String name);

  Optional<Identity> identityById(String id);

  List<Identity> identities(String accountId, IdentityKind kind);

  /** Every identity of every account, for the authorization snapshot. */
  List<Identity> allIdentities();

  int countIdentities(String accountId, IdentityKind kind);

  void insertIdentity(Identity identity);

  /** Writes name, path, description, trust policy, maximum session duration and boundary. */
  void updateIdentity(Identity identity);

  /** Deletes the identity with its tags, inline policies, memberships, attachments and login profile. */
  void deleteIdentity(String id);

  List<Tag> tags(String identityId);

  /** Every tag of every identity, for the authorization snapshot. */
  List<Owned<Tag>> allTags();

  /** Every inline policy of every identity, for the authorization snapshot. */
  List<Owned<InlinePolicy>> allInlinePolicies();

  /** Adds the tag or replaces the value of the tag with the same key (case-insensitively). */
  void putTag(String identityId, Tag tag);

  void deleteTag(String identityId, String key);

  List<InlinePolicy> inlinePolicies(String identityId);

  Optional<InlinePolicy> inlinePolicy(String identityId, String name);

  /** Adds or replaces (by name, case-insensitively) an inline policy. */
  void putInlinePolicy(String identityId, InlinePolicy policy);

  boolean deleteInlinePolicy(String identityId, String name);

  boolean addMember(String groupId, String userId);

  boolean removeMember(String groupId, String userId);

  List<String> groupIdsOf(String userId);

  List<String> memberIdsOf(String groupId);

  /** Every membership: the user's id with the group's id, for the authorization snapshot. */
  List<Owned<String>> allMemberships();

  List<String> attachedArns(String identityId);

  boolean attach(String identityId, String policyArn, Instant at);

  boolean detach(String identityId, String policyArn);

  /** The identities (of any account) the policy is attached to. */
  List<String> identitiesAttachedTo(String policyArn);

  /** Every attachment: the identity's id with the policy's ARN, for the authorization snapshot. */
  List<Owned<String>> allAttachments();

  /** How many identities of the account have the policy attached. */
  int attachmentCount(String accountId, String policyArn);

  /** {@link #attachmentCount} for every policy attached in the account, in one query (ListPolicies). */
  java.util.Map<String, Integer> attachmentCounts(String accountId);

  /** {@link #boundaryUsageCount} for every policy used as a boundary in the account, in one query. */
  java.util.Map<String, Integer> boundaryUsageCounts(String accountId);

  /** How many users and roles of the account use the policy as their permissions boundary. */
  int boundaryUsageCount(String accountId, String policyArn);

  Optional<ManagedPolicy> policy(String accountId, String name);

  List<ManagedPolicy> policies(String accountId);

  List<ManagedPolicy> allPolicies();

  int countPolicies(String accountId);

  void insertPolicy(ManagedPolicy policy);

  /** Writes the default version, the next version number and the update time. */
  void updatePolicy(ManagedPolicy policy);

  /** Deletes the policy and its versions. */
  void deletePolicy(String policyId);

  List<Tag> policyTags(String policyId);

  /** Adds the tag or replaces the value of the policy's tag with the same key (case-insensitively). */
  void putPolicyTag(String policyId, Tag tag);

  void deletePolicyTag(String policyId, String key);

  List<PolicyVersion> versions(String policyId);

  Optional<PolicyVersion> version(String policyId, String versionId);

  void insertVersion(String policyId, PolicyVersion version);

  boolean deleteVersion(String policyId, String versionId);

  Optional<LoginProfile> loginProfile(String userId);

  /** Inserts or replaces the user's login profile. */
  void putLoginProfile(LoginProfile profile);

  boolean deleteLoginProfile(String userId);

  Optional<PasswordPolicy> passwordPolicy(String accountId);

  void putPasswordPolicy(String accountId, PasswordPolicy policy);

  boolean deletePasswordPolicy(String accountId);

  Optional<String> alias(String accountId);

  /** The account that uses this alias, if any. */
  Optional<String> aliasOwner(String alias);

  /** Sets or (with null) removes the account's alias; the account row must exist (see {@link #lockAccount}). */
  void setAlias(String accountId, String alias);
}
