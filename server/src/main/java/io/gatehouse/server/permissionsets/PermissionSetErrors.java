package io.gatehouse.server.permissionsets;

import io.gatehouse.server.core.AwsException;

/** The sso-admin errors of permission-set operations, with AWS's codes; sso-admin reports them all as 400. */
final class PermissionSetErrors {
  private PermissionSetErrors() {}

  static final class NotFoundException extends AwsException {
    NotFoundException(String message) {
      super("ResourceNotFoundException", 400, message);
    }

    static NotFoundException permissionSet(String permissionSetArn) {
      return new NotFoundException("Could not find PermissionSet with id " + idOf(permissionSetArn));
    }

    static NotFoundException instance(String instanceArn) {
      return new NotFoundException("Instance " + instanceArn + " does not exist.");
    }
  }

  static final class ConflictException extends AwsException {
    ConflictException(String message) {
      super("ConflictException", 400, message);
    }
  }

  static final class ValidationException extends AwsException {
    ValidationException(String message) {
      super("ValidationException", 400, message);
    }
  }

  static final class QuotaExceededException extends AwsException {
    QuotaExceededException(String message) {
      super("ServiceQuotaExceededException", 400, message);
    }
  }

  /** The {@code ps-…} part of a permission set ARN. */
  static String idOf(String permissionSetArn) {
    return permissionSetArn.substring(permissionSetArn.lastIndexOf('/') + 1);
  }
}
