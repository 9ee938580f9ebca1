package io.gatehouse.server.iam;

import io.gatehouse.server.core.AwsException;
import java.util.List;

/**
 * IAM's errors, one type per error shape of the model, with AWS's messages. The protocol layer
 * turns the shape name into the query protocol's wire code ({@code NoSuchEntity}) and status.
 */
final class IamErrors {
  private IamErrors() {}

  static final class NoSuchEntityException extends AwsException {
    NoSuchEntityException(String message) {
      super("NoSuchEntityException", 404, message);
    }

    /** "The role with name X cannot be found." */
    static NoSuchEntityException identity(IdentityKind kind, String name) {
      return new NoSuchEntityException("The " + kind.noun() + " with name " + name + " cannot be found.");
    }

    /** "The role policy with name X cannot be found." */
    static NoSuchEntityException inlinePolicy(IdentityKind kind, String policyName) {
      return new NoSuchEntityException("The " + kind.noun() + " policy with name " + policyName + " cannot be found.");
    }

    static NoSuchEntityException policy(String arn) {
      return new NoSuchEntityException("Policy " + arn + " does not exist or is not attachable.");
    }

    static NoSuchEntityException policyVersion(String arn, String versionId) {
      return new NoSuchEntityException("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }

    static NoSuchEntityException notAttached(String arn) {
      return new NoSuchEntityException("Policy " + arn + " was not found.");
    }
  }

  static final class EntityAlreadyExistsException extends AwsException {
    EntityAlreadyExistsException(String message) {
      super("EntityAlreadyExistsException", 409, message);
    }

    static EntityAlreadyExistsException identity(IdentityKind kind, String name) {
      String noun = kind.noun();
      return new EntityAlreadyExistsException(Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " with name "
          + name + " already exists.");
    }
  }

  static final class DeleteConflictException extends AwsException {
    DeleteConflictException(String message) {
      super("DeleteConflictException", 409, message);
    }
  }

  static final class LimitExceededException extends AwsException {
    LimitExceededException(String message) {
      super("LimitExceededException", 409, message);
    }

    /** "Cannot exceed quota for RolesPerAccount: 1000", AWS's form for a count quota. */
    static LimitExceededException quota(String quotaName, int value) {
      return new LimitExceededException("Cannot exceed quota for " + quotaName + ": " + value);
    }
  }

  static final class MalformedPolicyDocumentException extends AwsException {
    MalformedPolicyDocumentException(String message) {
      super("MalformedPolicyDocumentException", 400, message);
    }

    /** The engine's findings, each with its location: what AWS says first, then where. */
    static MalformedPolicyDocumentException of(List<String> problems) {
      return new MalformedPolicyDocumentException(String.join("; ", problems));
    }
  }

  static final class InvalidInputException extends AwsException {
    InvalidInputException(String message) {
      super("InvalidInputException", 400, message);
    }
  }

  static final class PasswordPolicyViolationException extends AwsException {
    PasswordPolicyViolationException(List<String> problems) {
      super("PasswordPolicyViolationException", 400, "Password does not conform to the account password policy: "
          + String.join(", ", problems) + ".");
    }
  }

  /** AWS managed policies belong to AWS: no account may change them. */
  static final class AccessDeniedException extends AwsException {
    AccessDeniedException(String callerArn, String action, String resourceArn) {
      super("AccessDenied", 403, "User: " + callerArn + " is not authorized to perform: iam:" + action
          + " on resource: policy " + resourceArn);
    }
  }
}
