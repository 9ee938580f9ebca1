package io.gatehouse.server.assignments;

import io.gatehouse.server.core.AwsException;

/** sso-admin's errors for assignments and provisioning; AWS answers all of them with HTTP 400. */
final class SsoAdminErrors {
  private SsoAdminErrors() {}

  static final class ResourceNotFoundException extends AwsException {
    ResourceNotFoundException(String message) {
      super("ResourceNotFoundException", 400, message);
    }

    static ResourceNotFoundException instance(String instanceArn) {
      return new ResourceNotFoundException("Instance " + instanceArn + " does not exist.");
    }

    static ResourceNotFoundException permissionSet(String permissionSetArn) {
      return new ResourceNotFoundException("Could not find PermissionSet with id " + idOf(permissionSetArn) + ".");
    }

    static ResourceNotFoundException request(String requestId) {
      return new ResourceNotFoundException("Request " + requestId + " does not exist.");
    }

    static ResourceNotFoundException assignment() {
      return new ResourceNotFoundException("The account assignment does not exist.");
    }
  }

  static final class ValidationException extends AwsException {
    ValidationException(String message) {
      super("ValidationException", 400, message);
    }
  }

  static final class ConflictException extends AwsException {
    ConflictException(String message) {
      super("ConflictException", 400, message);
    }
  }

  /** The {@code ps-…} part of a permission set ARN. */
  static String idOf(String permissionSetArn) {
    return permissionSetArn.substring(permissionSetArn.lastIndexOf('/') + 1);
  }
}
