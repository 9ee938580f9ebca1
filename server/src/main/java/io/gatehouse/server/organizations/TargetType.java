package io.gatehouse.server.organizations;

/** What a policy can be attached to (and what a parent or child can be), by id prefix. */
enum TargetType {
  ROOT, ORGANIZATIONAL_UNIT, ACCOUNT;

  /** Classifies an id that passed the model's pattern: {@code r-…}, {@code ou-…} or 12 digits. */
  static TargetType ofId(String id) {
    if (id.startsWith("r-")) return ROOT;
    if (id.startsWith("ou-")) return ORGANIZATIONAL_UNIT;
    return ACCOUNT;
  }
}
