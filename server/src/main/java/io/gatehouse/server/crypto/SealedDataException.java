package io.gatehouse.server.crypto;

/** Why {@link Keyring#open} refused a sealed value. The message never contains key material. */
public final class SealedDataException extends RuntimeException {
  public enum Reason {
    /** Not something {@link Keyring#seal} produced: wrong version byte, truncated, bad length. */
    MALFORMED,
    /** Sealed under a key id this keyring does not hold (another keyring, or a key removed after rotation). */
    UNKNOWN_KEY,
    /** Authentication failed: the bytes or the associated data were changed, or the key differs. */
    TAMPERED
  }

  private final Reason reason;
  private final String keyId;

  SealedDataException(Reason reason, String keyId, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.keyId = keyId;
  }

  public Reason reason() {
    return reason;
  }

  /** The key id named in the sealed value, or null when it could not be read. */
  public String keyId() {
    return keyId;
  }
}
