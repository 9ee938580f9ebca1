package io.gatehouse.server.organizations;

import io.gatehouse.server.core.Ids;

/** New identifiers in the Organizations formats (the model's patterns). */
final class OrganizationIds {
  private OrganizationIds() {}

  /** {@code o-} and 10 lower-case letters or digits. */
  static String organization() {
    return "o-" + Ids.lowerAlnum(10);
  }

  /** {@code r-} and 4 lower-case letters or digits. */
  static String root() {
    return "r-" + Ids.lowerAlnum(4);
  }

  /** {@code ou-}, the root's suffix, {@code -} and 8 lower-case letters or digits, as AWS forms them. */
  static String organizationalUnit(String rootId) {
    return "ou-" + rootId.substring(2) + "-" + Ids.lowerAlnum(8);
  }

  /** {@code p-} and 8 lower-case letters or digits. */
  static String policy() {
    return "p-" + Ids.lowerAlnum(8);
  }

  /** {@code car-} and 32 lower-case hex digits. */
  static String createAccountRequest() {
    return "car-" + Ids.hex(32);
  }

  static String account() {
    return Ids.accountId();
  }
}
