package io.gatehouse.server.crypto;

import java.nio.file.Path;

/** The keyring file cannot be read, parsed or written; the message says which file and why. */
public final class KeyringException extends RuntimeException {
  private final Path file;

  KeyringException(Path file, String message, Throwable cause) {
    super("keyring " + file + ": " + message, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
