package io.gatehouse.server.iam;

/** The three kinds of IAM identity, with the id prefix, ARN resource type and noun AWS uses for each. */
enum IdentityKind {
  USER("AIDA", "user"),
  GROUP("AGPA", "group"),
  ROLE("AROA", "role");

  private final String idPrefix;
  private final String noun;

  IdentityKind(String idPrefix, String noun) {
    this.idPrefix = idPrefix;
    this.noun = noun;
  }

  String idPrefix() {
    return idPrefix;
  }

  /** {@code user}, {@code group} or {@code role}: the ARN's resource type and the word in AWS's messages. */
  String noun() {
    return noun;
  }

  String arn(String accountId, String path, String name) {
    return "arn:aws:iam::" + accountId + ":" + noun + path + name;
  }
}
