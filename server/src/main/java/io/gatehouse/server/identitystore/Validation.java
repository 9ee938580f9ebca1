package io.gatehouse.server.identitystore;

import java.util.Map;

/**
 * {@code ValidationException} for what the model's constraints cannot say: required attributes,
 * values inside document members, attribute paths, reserved names. (The protocol layer has already
 * checked required members, lengths, patterns and enums of the request itself.)
 */
public final class Validation extends IdentityStoreException {
  public Validation(String message) {
    super("ValidationException", message, Map.of());
  }
}
