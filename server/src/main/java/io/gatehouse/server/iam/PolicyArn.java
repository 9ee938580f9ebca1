package io.gatehouse.server.iam;

import java.util.Optional;

/** A managed policy's ARN taken apart: {@code arn:aws:iam::<account or aws>:policy<path><name>}. */
record PolicyArn(String accountId, String path, String name) {
  private static final String PREFIX = "arn:aws:iam::";

  static Optional<PolicyArn> parse(String arn) {
    if (arn == null || !arn.startsWith(PREFIX)) return Optional.empty();
    int colon = arn.indexOf(':', PREFIX.length());
    if (colon < 0 || !arn.startsWith(":policy/", colon)) return Optional.empty();
    String account = arn.substring(PREFIX.length(), colon);
    String rest = arn.substring(colon + ":policy".length());
    int slash = rest.lastIndexOf('/');
    String name = rest.substring(slash + 1);
    if (name.isEmpty()) return Optional.empty();
    return Optional.of(new PolicyArn(account, rest.substring(0, slash + 1), name));
  }
}
