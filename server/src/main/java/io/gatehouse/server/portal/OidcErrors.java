package io.gatehouse.server.portal;

import io.gatehouse.server.core.AwsException;
import java.util.Map;

/**
 * The errors of AWS's {@code sso-oidc} API: OAuth 2.0's error codes ({@code error}) with a
 * description ({@code error_description}), in shapes named by the model.
 */
final class OidcErrors {
  private OidcErrors() {}

  static class OidcException extends AwsException {
    OidcException(String shape, int status, String error, String description) {
      super(shape, status, description, Map.of("error", error, "error_description", description));
    }
  }

  /** Unknown client id, wrong secret, or an expired registration (HTTP 401). */
  static final class InvalidClientException extends OidcException {
    InvalidClientException(String description) {
      super("InvalidClientException", 401, "invalid_client", description);
    }
  }

  static final class InvalidGrantException extends OidcException {
    InvalidGrantException(String description) {
      super("InvalidGrantException", 400, "invalid_grant", description);
    }
  }

  static final class AuthorizationPendingException extends OidcException {
    AuthorizationPendingException() {
      super("AuthorizationPendingException", 400, "authorization_pending",
          "The user has not yet approved this device authorization.");
    }
  }

  static final class SlowDownException extends OidcException {
    SlowDownException() {
      super("SlowDownException", 400, "slow_down", "The client is polling faster than the interval it was given.");
    }
  }

  static final class ExpiredTokenException extends OidcException {
    ExpiredTokenException(String description) {
      super("ExpiredTokenException", 400, "expired_token", description);
    }
  }

  static final class AccessDeniedException extends OidcException {
    AccessDeniedException(String description) {
      super("AccessDeniedException", 400, "access_denied", description);
    }
  }

  static final class UnsupportedGrantTypeException extends OidcException {
    UnsupportedGrantTypeException(String grantType) {
      super("UnsupportedGrantTypeException", 400, "unsupported_grant_type",
          "The grant type " + grantType + " is not supported.");
    }
  }

  static final class InvalidRequestException extends OidcException {
    InvalidRequestException(String description) {
      super("InvalidRequestException", 400, "invalid_request", description);
    }
  }

  static final class InvalidScopeException extends OidcException {
    InvalidScopeException(String description) {
      super("InvalidScopeException", 400, "invalid_scope", description);
    }
  }
}
