package io.gatehouse.server.organizations;

import io.gatehouse.server.core.AwsException;
import java.util.List;
import java.util.Map;

/**
 * The Organizations errors Gatehouse raises: one type per error shape of the model, named as the
 * shape, carrying the shape's extra members ({@code Reason}). Messages follow the model's
 * documentation of each error, with the offending id where it helps.
 */
final class OrganizationsErrors {
  private static final int CLIENT_ERROR = 400;

  private OrganizationsErrors() {}

  static final class AccessDeniedException extends AwsException {
    AccessDeniedException() {
      super("AccessDeniedException", CLIENT_ERROR,
          "You don't have permissions to access this resource. Only the organization's management account can call this operation.");
    }
  }

  static final class AWSOrganizationsNotInUseException extends AwsException {
    AWSOrganizationsNotInUseException() {
      super("AWSOrganizationsNotInUseException", CLIENT_ERROR,
          "Your account is not a member of an organization.");
    }
  }

  static final class AlreadyInOrganizationException extends AwsException {
    AlreadyInOrganizationException() {
      super("AlreadyInOrganizationException", CLIENT_ERROR,
          "This account is already a member of an organization. An account can belong to only one organization at a time.");
    }
  }

  static final class AccountNotFoundException extends AwsException {
    AccountNotFoundException(String accountId) {
      super("AccountNotFoundException", CLIENT_ERROR,
          "We can't find an AWS account with the AccountId " + accountId + " that you specified.");
    }
  }

  static final class AccountAlreadyClosedException extends AwsException {
    AccountAlreadyClosedException(String accountId) {
      super("AccountAlreadyClosedException", CLIENT_ERROR,
          "You attempted to close an account that is already closed: " + accountId + ".");
    }
  }

  static final class ChildNotFoundException extends AwsException {
    ChildNotFoundException(String childId) {
      super("ChildNotFoundException", CLIENT_ERROR,
          "We can't find an organizational unit (OU) or AWS account with the ChildId " + childId + " that you specified.");
    }
  }

  static final class CreateAccountStatusNotFoundException extends AwsException {
    CreateAccountStatusNotFoundException(String requestId) {
      super("CreateAccountStatusNotFoundException", CLIENT_ERROR,
          "We can't find a create account request with the CreateAccountRequestId " + requestId + " that you specified.");
    }
  }

  static final class ParentNotFoundException extends AwsException {
    ParentNotFoundException(String parentId) {
      super("ParentNotFoundException", CLIENT_ERROR,
          "We can't find a root or OU with the ParentId " + parentId + " that you specified.");
    }
  }

  static final class SourceParentNotFoundException extends AwsException {
    SourceParentNotFoundException(String parentId) {
      super("SourceParentNotFoundException", CLIENT_ERROR,
          "We can't find a source root or OU with the ParentId " + parentId + " that you specified.");
    }
  }

  static final class DestinationParentNotFoundException extends AwsException {
    DestinationParentNotFoundException(String parentId) {
      super("DestinationParentNotFoundException", CLIENT_ERROR,
          "We can't find the destination container (a root or OU) with the ParentId " + parentId + " that you specified.");
    }
  }

  static final class DuplicateAccountException extends AwsException {
    DuplicateAccountException(String accountId, String parentId) {
      super("DuplicateAccountException", CLIENT_ERROR,
          "That account (" + accountId + ") is already present in the specified destination (" + parentId + ").");
    }
  }

  static final class OrganizationalUnitNotFoundException extends AwsException {
    OrganizationalUnitNotFoundException(String ouId) {
      super("OrganizationalUnitNotFoundException", CLIENT_ERROR,
          "We can't find an OU with the OrganizationalUnitId " + ouId + " that you specified.");
    }
  }

  static final class OrganizationalUnitNotEmptyException extends AwsException {
    OrganizationalUnitNotEmptyException(String ouId) {
      super("OrganizationalUnitNotEmptyException", CLIENT_ERROR,
          "The specified OU " + ouId + " is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.");
    }
  }

  static final class DuplicateOrganizationalUnitException extends AwsException {
    DuplicateOrganizationalUnitException(String name) {
      super("DuplicateOrganizationalUnitException", CLIENT_ERROR,
          "An OU with the same name (" + name + ") already exists.");
    }
  }

  static final class RootNotFoundException extends AwsException {
    RootNotFoundException(String rootId) {
      super("RootNotFoundException", CLIENT_ERROR,
          "We can't find a root with the RootId " + rootId + " that you specified.");
    }
  }

  static final class PolicyNotFoundException extends AwsException {
    PolicyNotFoundException(String policyId) {
      super("PolicyNotFoundException", CLIENT_ERROR,
          "We can't find a policy with the PolicyId " + policyId + " that you specified.");
    }
  }

  static final class DuplicatePolicyException extends AwsException {
    DuplicatePolicyException(String name) {
      super("DuplicatePolicyException", CLIENT_ERROR,
          "A policy with the same name (" + name + ") already exists.");
    }
  }

  static final class PolicyInUseException extends AwsException {
    PolicyInUseException(String policyId) {
      super("PolicyInUseException", CLIENT_ERROR,
          "The policy " + policyId + " is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.");
    }
  }

  static final class PolicyNotAttachedException extends AwsException {
    PolicyNotAttachedException(String policyId, String targetId) {
      super("PolicyNotAttachedException", CLIENT_ERROR,
          "The policy " + policyId + " isn't attached to the specified target " + targetId + " in the specified root.");
    }
  }

  static final class DuplicatePolicyAttachmentException extends AwsException {
    DuplicatePolicyAttachmentException(String policyId, String targetId) {
      super("DuplicatePolicyAttachmentException", CLIENT_ERROR,
          "The selected policy " + policyId + " is already attached to the specified target " + targetId + ".");
    }
  }

  static final class TargetNotFoundException extends AwsException {
    TargetNotFoundException(String targetId) {
      super("TargetNotFoundException", CLIENT_ERROR,
          "We can't find a root, OU, account, or policy with the TargetId " + targetId + " that you specified.");
    }
  }

  static final class PolicyTypeNotEnabledException extends AwsException {
    PolicyTypeNotEnabledException(String policyType) {
      super("PolicyTypeNotEnabledException", CLIENT_ERROR,
          "The specified policy type " + policyType + " isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.");
    }
  }

  static final class PolicyTypeAlreadyEnabledException extends AwsException {
    PolicyTypeAlreadyEnabledException(String policyType) {
      super("PolicyTypeAlreadyEnabledException", CLIENT_ERROR,
          "The specified policy type " + policyType + " is already enabled in the specified root.");
    }
  }

  static final class PolicyTypeNotAvailableForOrganizationException extends AwsException {
    PolicyTypeNotAvailableForOrganizationException(String policyType) {
      super("PolicyTypeNotAvailableForOrganizationException", CLIENT_ERROR,
          "You can't use the specified policy type " + policyType + " with the feature set currently enabled for this organization."
              + " Gatehouse supports SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY in organizations with all features.");
    }
  }

  static final class MalformedPolicyDocumentException extends AwsException {
    MalformedPolicyDocumentException(List<String> findings) {
      super("MalformedPolicyDocumentException", CLIENT_ERROR,
          "The provided policy document doesn't meet the requirements of the specified policy type: "
              + String.join("; ", findings));
    }
  }

  static final class ConcurrentModificationException extends AwsException {
    ConcurrentModificationException() {
      super("ConcurrentModificationException", CLIENT_ERROR,
          "The target of the operation is currently being modified by a different request. Try again later.");
    }
  }

  static final class ConstraintViolationException extends AwsException {
    /** The model's ConstraintViolationExceptionReason values Gatehouse raises. */
    enum Reason {
      OU_DEPTH_LIMIT_EXCEEDED, OU_NUMBER_LIMIT_EXCEEDED, POLICY_NUMBER_LIMIT_EXCEEDED,
      POLICY_CONTENT_LIMIT_EXCEEDED, MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED,
      MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED, CANNOT_CLOSE_MANAGEMENT_ACCOUNT, MAX_TAG_LIMIT_EXCEEDED
    }

    private final Reason reason;

    ConstraintViolationException(Reason reason, String message) {
      super("ConstraintViolationException", CLIENT_ERROR, message, Map.of("Reason", reason.name()));
      this.reason = reason;
    }

    Reason reason() {
      return reason;
    }
  }

  static final class InvalidInputException extends AwsException {
    /** The model's InvalidInputExceptionReason values Gatehouse raises. */
    enum Reason { IMMUTABLE_POLICY, NON_DETACHABLE_POLICY, INVALID_ROLE_NAME, DUPLICATE_TAG_KEY, INVALID_SYSTEM_TAGS_PARAMETER }

    private final Reason reason;

    InvalidInputException(Reason reason, String message) {
      super("InvalidInputException", CLIENT_ERROR, message, Map.of("Reason", reason.name()));
      this.reason = reason;
    }

    Reason reason() {
      return reason;
    }
  }
}
