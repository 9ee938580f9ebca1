package io.gatehouse.server.auth;

/** Whether an access key may sign requests, with AWS's wire names. */
public enum AccessKeyStatus {
  ACTIVE("Active"),
  INACTIVE("Inactive");

  private final String wireName;

  AccessKeyStatus(String wireName) {
    this.wireName = wireName;
  }

  /** {@code Active} or {@code Inactive}, as IAM's API and the database spell it. */
  public String wireName() {
    return wireName;
  }

  public static AccessKeyStatus fromWire(String name) {
    for (AccessKeyStatus s : values()) {
      if (s.wireName.equals(name)) return s;
    }
    throw new IllegalArgumentException("unknown access key status `" + name + "`");
  }
}
