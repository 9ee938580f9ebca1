package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.core.AwsException;

/** The errors of the Gatehouse admin API, named after its model's error shapes. */
final class RuleErrors {
  private RuleErrors() {}

  static final class ResourceNotFoundException extends AwsException {
    ResourceNotFoundException(String message) {
      super("ResourceNotFoundException", 404, message);
    }

    static ResourceNotFoundException rule(String ruleId) {
      return new ResourceNotFoundException("Assignment rule " + ruleId + " does not exist in this instance.");
    }
  }

  static final class ValidationException extends AwsException {
    ValidationException(String message) {
      super("ValidationException", 400, message);
    }
  }

  static final class ConflictException extends AwsException {
    ConflictException(String message) {
      super("ConflictException", 409, message);
    }
  }

  /** 400, as the endpoint's own denials in JSON protocols (and AWS's JSON services) answer it. */
  static final class AccessDeniedException extends AwsException {
    AccessDeniedException(String message) {
      super("AccessDeniedException", 400, message);
    }
  }
}
