package io.gatehouse.server.portal;

import io.gatehouse.server.crypto.Keyring;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authenticator secrets sealed with the keyring, bound to their user so a row moved to another user opens to nothing. */
final class MfaSecrets {
  private final Keyring keyring;

  MfaSecrets(Keyring keyring) {
    this.keyring = keyring;
  }

  String seal(String userId, byte[] secret) {
    return Base64.getEncoder().encodeToString(keyring.seal(secret, aad(userId)));
  }

  byte[] open(String userId, String sealed) {
    return keyring.open(Base64.getDecoder().decode(sealed), aad(userId));
  }

  private static byte[] aad(String userId) {
    return ("gatehouse-portal-mfa:" + userId).getBytes(StandardCharsets.UTF_8);
  }
}
