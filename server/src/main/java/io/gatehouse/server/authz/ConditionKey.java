package io.gatehouse.server.authz;

/**
 * A condition key as the Service Authorization Reference spells it, e.g. {@code iam:PolicyARN}
 * (ARN) or the template {@code aws:RequestTag/${TagKey}} (String).
 */
public record ConditionKey(String name, ConditionKeyType type) {
  /** True when the name has a {@code ${TagKey}}-like part, so that it names a family of keys. */
  public boolean templated() {
    return name.contains("${");
  }

  /** The part before the template variable ({@code aws:RequestTag/}), or the whole name. */
  public String prefix() {
    int i = name.indexOf("${");
    return i < 0 ? name : name.substring(0, i);
  }
}
