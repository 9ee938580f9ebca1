package io.gatehouse.server.config;

/** A configuration value that cannot be used, naming the option and where the value came from. */
public final class ConfigException extends RuntimeException {
  private final String option;

  ConfigException(Setting<?> setting, String origin, String shownValue, String reason) {
    super("invalid value `" + shownValue + "` for " + setting.flag() + " (from " + origin + "): " + reason, null, false, false);
    this.option = setting.name();
  }

  ConfigException(String message) {
    super(message, null, false, false);
    this.option = null;
  }

  /** The option at fault, or null when the problem is not one option's (e.g. an unreadable file). */
  public String option() {
    return option;
  }
}
