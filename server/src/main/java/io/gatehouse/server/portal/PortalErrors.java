package io.gatehouse.server.portal;

import io.gatehouse.server.core.AwsException;

/** The errors of AWS's {@code sso} (portal) API, as its model names them. */
final class PortalErrors {
  private PortalErrors() {}

  /** The access token is missing, unknown, expired or revoked (HTTP 401). */
  static final class UnauthorizedException extends AwsException {
    UnauthorizedException() {
      super("UnauthorizedException", 401, "Session token not found or invalid");
    }
  }

  /** The user has no such account or role (HTTP 404); AWS says only "No access". */
  static final class ResourceNotFoundException extends AwsException {
    ResourceNotFoundException() {
      super("ResourceNotFoundException", 404, "No access");
    }
  }

  static final class InvalidRequestException extends AwsException {
    InvalidRequestException(String message) {
      super("InvalidRequestException", 400, message);
    }
  }
}
