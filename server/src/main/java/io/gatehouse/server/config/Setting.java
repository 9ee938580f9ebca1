package io.gatehouse.server.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration option, declared once: its name drives the command-line flag
 * ({@code --database-url}), the environment variable ({@code GATEHOUSE_DATABASE_URL}), the key in a
 * config file ({@code database-url=…}), {@code --help} and {@code docs/operations.md}.
 *
 * @param name lower-case words joined by {@code -}
 * @param label what the value is, for {@code --help} ({@code PORT}, {@code URL}, ...)
 * @param defaultValue the raw default, or {@code null} when the option is unset by default
 * @param description one sentence for {@code --help}
 * @param secret whether the value is redacted when printed
 * @param parser turns the raw text into the value; throws {@link IllegalArgumentException} with a reason
 */
public record Setting<T>(
    String name, String label, String defaultValue, String description, boolean secret, Function<String, T> parser) {

  public String flag() {
    return "--" + name;
  }

  public String environmentVariable() {
    return "GATEHOUSE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Parses a raw value that came from {@code origin} (for the error message). */
  T parse(String raw, String origin) {
    try {
      return parser.apply(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(this, origin, secret ? "******" : raw, e.getMessage());
    }
  }
}
