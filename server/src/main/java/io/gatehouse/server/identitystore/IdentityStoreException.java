package io.gatehouse.server.identitystore;

import io.gatehouse.server.core.AwsException;
import java.util.Map;

/**
 * The errors the identity store raises by rule. Every one is a client error: the awsJson1_1 model
 * of identitystore gives no status, and AWS answers them with 400 (as the SDK's own metadata says).
 */
public abstract sealed class IdentityStoreException extends AwsException
    permits ResourceNotFound, Conflict, Validation {
  IdentityStoreException(String code, String message, Map<String, ?> fields) {
    super(code, 400, message, fields);
  }
}
