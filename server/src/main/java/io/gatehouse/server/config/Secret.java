package io.gatehouse.server.config;

/**
 * A configuration value that must never be printed: passwords and secret keys. Its
 * {@link #toString()} is redacted, so a config logged or shown by {@code --print-config} keeps it out.
 */
public record Secret(String value) {
  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "" : "******";
  }
}
