package io.gatehouse.server.sts;

import io.gatehouse.server.core.AwsException;

/** STS's errors, in the codes and words AWS uses. */
final class StsErrors {
  private StsErrors() {}

  /** 403 AccessDenied: "User: <caller> is not authorized to perform: <action> on resource: <arn>[ because …]". */
  static final class AccessDeniedException extends AwsException {
    AccessDeniedException(String message) {
      super("AccessDenied", 403, message);
    }

    static AccessDeniedException notAuthorized(String callerArn, String action, String resource) {
      return new AccessDeniedException("User: " + callerArn + " is not authorized to perform: " + action
          + " on resource: " + resource);
    }
  }

  static final class ValidationErrorException extends AwsException {
    ValidationErrorException(String message) {
      super("ValidationError", 400, message);
    }
  }

  static final class MalformedPolicyDocumentException extends AwsException {
    MalformedPolicyDocumentException(String message) {
      super("MalformedPolicyDocumentException", 400, message);
    }
  }

  static final class PackedPolicyTooLargeException extends AwsException {
    PackedPolicyTooLargeException(int percent) {
      super("PackedPolicyTooLargeException", 400,
          "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.");
    }
  }
}
