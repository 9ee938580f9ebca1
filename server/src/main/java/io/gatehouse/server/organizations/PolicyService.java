package io.gatehouse.server.organizations;

import io.gatehouse.server.organizations.OrganizationsErrors.ConstraintViolationException;
import io.gatehouse.server.organizations.OrganizationsErrors.DuplicatePolicyAttachmentException;
import io.gatehouse.server.organizations.OrganizationsErrors.DuplicatePolicyException;
import io.gatehouse.server.organizations.OrganizationsErrors.InvalidInputException;
import io.gatehouse.server.organizations.OrganizationsErrors.MalformedPolicyDocumentException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyInUseException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyNotAttachedException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyTypeAlreadyEnabledException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyTypeNotAvailableForOrganizationException;
import io.gatehouse.server.organizations.OrganizationsErrors.PolicyTypeNotEnabledException;
import io.gatehouse.server.organizations.OrganizationsErrors.RootNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.TargetNotFoundException;
import java.util.List;

/**
 * Service and resource control policies: their documents, their attachments, and the policy types
 * enabled in the root.
 */
final class PolicyService {
  private final OrganizationTransactions tx;
  private final OrganizationQuotas quotas;

  PolicyService(OrganizationTransactions tx, OrganizationQuotas quotas) {
    this.tx = tx;
    this.quotas = quotas;
  }

  Policy createPolicy(String content, String description, String name, String type, List<Tag> tags) {
    List<Tag> checkedTags = TagRules.check(tags, quotas);
    return tx.write((h, store) -> {
      Organization org = OrganizationTransactions.requireOrganization(store);
      OrganizationPolicyType policyType = available(org, type);
      checkDocument(content, policyType);
      if (store.policyByName(policyType, name).isPresent()) throw new DuplicatePolicyException(name);
      if (store.countCustomerPolicies(policyType) >= quotas.maxPoliciesPerType()) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.POLICY_NUMBER_LIMIT_EXCEEDED,
            "You attempted to exceed the number of policies of type " + policyType + " that you can have in an organization ("
                + quotas.maxPoliciesPerType() + ").");
      }
      Policy policy = new Policy(OrganizationIds.policy(), policyType, name, description, content, false);
      store.insertPolicy(policy);
      store.insertTags(policy.id(), checkedTags);
      return policy;
    });
  }

  Policy describePolicy(String policyId) {
    return tx.read(store -> {
      OrganizationTransactions.requireOrganization(store);
      return store.policy(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
    });
  }

  /** UpdatePolicy: each member given replaces the policy's; those absent stay. */
  Policy updatePolicy(String policyId, String name, String description, String content) {
    return tx.write((h, store) -> {
      Policy policy = customerPolicy(store, policyId);
      if (content != null) checkDocument(content, policy.type());
      if (name != null && !name.equals(policy.name()) && store.policyByName(policy.type(), name).isPresent()) {
        throw new DuplicatePolicyException(name);
      }
      Policy updated = policy.updated(name == null ? policy.name() : name,
          description == null ? policy.description() : description, content == null ? policy.content() : content);
      store.updatePolicy(updated);
      return updated;
    });
  }

  void deletePolicy(String policyId) {
    tx.write((h, store) -> {
      customerPolicy(store, policyId);
      if (store.policyInUse(policyId)) throw new PolicyInUseException(policyId);
      store.deletePolicy(policyId);
      return null;
    });
  }

  /** ListPolicies: types Gatehouse does not implement have no policies. */
  Slice<Policy> listPolicies(String filter, Keyset page) {
    return tx.read(store -> {
      OrganizationTransactions.requireOrganization(store);
      return OrganizationPolicyType.fromWire(filter)
          .map(type -> store.policies(type, page))
          .orElseGet(() -> new Slice<>(List.of(), null));
    });
  }

  void attachPolicy(String policyId, String targetId) {
    tx.write((h, store) -> {
      OrganizationTransactions.requireOrganization(store);
      Policy policy = store.policy(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
      Targets.Target target = Targets.find(store, targetId).orElseThrow(() -> new TargetNotFoundException(targetId));
      Root root = OrganizationTransactions.onlyRoot(store);
      if (!root.enabled(policy.type())) throw new PolicyTypeNotEnabledException(policy.type().name());
      if (store.attached(policyId, targetId)) throw new DuplicatePolicyAttachmentException(policyId, targetId);
      if (store.countAttached(targetId, policy.type()) >= quotas.maxAttachmentsPerTarget()) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED,
            "You attempted to exceed the number of policies of type " + policy.type() + " that can be attached to "
                + targetId + " (" + quotas.maxAttachmentsPerTarget() + ").");
      }
      store.attach(new PolicyAttachment(policyId, policy.type(), targetId, target.type()));
      return null;
    });
  }

  /**
   * DetachPolicy. Every root, OU and account keeps at least one SCP while SCPs are enabled, and
   * RCPFullAWSAccess cannot be detached at all.
   */
  void detachPolicy(String policyId, String targetId) {
    tx.write((h, store) -> {
      OrganizationTransactions.requireOrganization(store);
      Policy policy = store.policy(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
      Targets.find(store, targetId).orElseThrow(() -> new TargetNotFoundException(targetId));
      if (!store.attached(policyId, targetId)) throw new PolicyNotAttachedException(policyId, targetId);
      if (policy.awsManaged() && policy.type() == OrganizationPolicyType.RESOURCE_CONTROL_POLICY) {
        throw new InvalidInputException(InvalidInputException.Reason.NON_DETACHABLE_POLICY,
            "You can't detach this AWS Managed Policy: " + policy.name() + ".");
      }
      if (policy.type() == OrganizationPolicyType.SERVICE_CONTROL_POLICY && store.countAttached(targetId, policy.type()) <= 1) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED,
            "You attempted to detach a policy from " + targetId + " that would leave it with fewer than the minimum"
                + " number of policies of type SERVICE_CONTROL_POLICY (1). Attach another SCP first.");
      }
      store.detach(policyId, targetId);
      return null;
    });
  }

  Slice<Policy> listPoliciesForTarget(String targetId, String filter, Keyset page) {
    return tx.read(store -> {
      OrganizationTransactions.requireOrganization(store);
      Targets.find(store, targetId).orElseThrow(() -> new TargetNotFoundException(targetId));
      return OrganizationPolicyType.fromWire(filter)
          .map(type -> store.policiesForTarget(targetId, type, page))
          .orElseGet(() -> new Slice<>(List.of(), null));
    });
  }

  Slice<Targets.Target> listTargetsForPolicy(String policyId, Keyset page) {
    return tx.read(store -> {
      OrganizationTransactions.requireOrganization(store);
      store.policy(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
      return store.targetsForPolicy(policyId, page).map(a -> Targets.find(store, a.targetId()).orElseThrow());
    });
  }

  /**
   * EnablePolicyType: from now on policies of the type can be attached in the root, and (as on AWS)
   * the type's AWS-managed default is attached to the root and every OU and account in it.
   */
  Root enablePolicyType(String rootId, String type) {
    return tx.write((h, store) -> {
      Organization org = OrganizationTransactions.requireOrganization(store);
      Root root = store.root(rootId).orElseThrow(() -> new RootNotFoundException(rootId));
      OrganizationPolicyType policyType = available(org, type);
      if (root.enabled(policyType)) throw new PolicyTypeAlreadyEnabledException(type);
      store.enablePolicyType(rootId, policyType);
      String defaultPolicy = policyType.defaultPolicyId();
      store.attach(new PolicyAttachment(defaultPolicy, policyType, rootId, TargetType.ROOT));
      for (OrganizationalUnit ou : store.allOrganizationalUnits()) {
        store.attach(new PolicyAttachment(defaultPolicy, policyType, ou.id(), TargetType.ORGANIZATIONAL_UNIT));
      }
      for (Account account : store.allAccounts()) {
        store.attach(new PolicyAttachment(defaultPolicy, policyType, account.id(), TargetType.ACCOUNT));
      }
      return store.root(rootId).orElseThrow();
    });
  }

  /** DisablePolicyType: every policy of the type is detached from every entity in the root, as on AWS. */
  Root disablePolicyType(String rootId, String type) {
    return tx.write((h, store) -> {
      OrganizationTransactions.requireOrganization(store);
      Root root = store.root(rootId).orElseThrow(() -> new RootNotFoundException(rootId));
      OrganizationPolicyType policyType = OrganizationPolicyType.fromWire(type)
          .filter(root::enabled)
          .orElseThrow(() -> new PolicyTypeNotEnabledException(type));
      store.detachAllOfType(policyType);
      store.disablePolicyType(rootId, policyType);
      return store.root(rootId).orElseThrow();
    });
  }

  private static OrganizationPolicyType available(Organization org, String type) {
    if (org.featureSet() != FeatureSet.ALL) throw new PolicyTypeNotAvailableForOrganizationException(type);
    return OrganizationPolicyType.fromWire(type).orElseThrow(() -> new PolicyTypeNotAvailableForOrganizationException(type));
  }

  private static Policy customerPolicy(OrganizationStore store, String policyId) {
    OrganizationTransactions.requireOrganization(store);
    Policy policy = store.policy(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
    if (policy.awsManaged()) {
      throw new InvalidInputException(InvalidInputException.Reason.IMMUTABLE_POLICY,
          "You specified a policy that is managed by AWS and can't be modified: " + policy.name() + ".");
    }
    return policy;
  }

  private void checkDocument(String content, OrganizationPolicyType type) {
    int characters = content.codePointCount(0, content.length());
    if (characters > quotas.maxPolicyCharacters()) {
      throw new ConstraintViolationException(ConstraintViolationException.Reason.POLICY_CONTENT_LIMIT_EXCEEDED,
          "You attempted to create a policy that is larger than the maximum size: " + characters
              + " characters, at most " + quotas.maxPolicyCharacters() + ".");
    }
    List<String> problems = PolicyDocumentCheck.problems(content, type);
    if (!problems.isEmpty()) throw new MalformedPolicyDocumentException(problems);
  }
}
