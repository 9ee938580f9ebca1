package io.gatehouse.server.authz;

/** The value types the Service Authorization Reference gives condition keys. */
public enum ConditionKeyType {
  STRING("String"), ARRAY_OF_STRING("ArrayOfString"),
  ARN("ARN"), ARRAY_OF_ARN("ArrayOfARN"),
  BOOL("Bool"), ARRAY_OF_BOOL("ArrayOfBool"),
  NUMERIC("Numeric"), ARRAY_OF_NUMERIC("ArrayOfNumeric"),
  DATE("Date"), ARRAY_OF_DATE("ArrayOfDate"),
  IP_ADDRESS("IPAddress"), ARRAY_OF_IP_ADDRESS("ArrayOfIPAddress"),
  BINARY("Binary");

  private final String referenceName;

  ConditionKeyType(String referenceName) {
    this.referenceName = referenceName;
  }

  /** The spelling in the reference, e.g. {@code ArrayOfString}. */
  public String referenceName() {
    return referenceName;
  }

  /** True for the multivalued types ({@code ArrayOf...}), which policies test with ForAnyValue/ForAllValues. */
  public boolean multivalued() {
    return referenceName.startsWith("ArrayOf");
  }

  static ConditionKeyType parse(String referenceName) {
    for (ConditionKeyType t : values()) {
      if (t.referenceName.equalsIgnoreCase(referenceName)) return t;
    }
    throw new IllegalArgumentException("unknown condition key type `" + referenceName + "`");
  }
}
