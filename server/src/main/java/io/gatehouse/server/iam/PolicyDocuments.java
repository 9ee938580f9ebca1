package io.gatehouse.server.iam;

import io.gatehouse.policy.Finding;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one place IAM checks policy documents: the engine's parser decides validity (its findings go
 * into {@code MalformedPolicyDocument}), and sizes are counted as AWS counts them, without whitespace.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  /** @throws IamErrors.MalformedPolicyDocumentException with every error the engine found */
  static void requireValid(String document, PolicyType type) {
    List<String> problems = PolicyParser.parse(document, type).errors().stream().map(PolicyDocuments::describe).toList();
    if (!problems.isEmpty()) throw IamErrors.MalformedPolicyDocumentException.of(problems);
  }

  /** Characters other than whitespace: what AWS's policy size quotas count. */
  static int size(String document) {
    int n = 0;
    for (int i = 0; i < document.length(); i++) {
      if (!Character.isWhitespace(document.charAt(i))) n++;
    }
    return n;
  }

  /** IAM's query API returns documents URL-encoded (RFC 3986), as AWS does. */
  static String urlEncoded(String document) {
    return document == null ? null : URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String describe(Finding f) {
    return f.message() + (f.line() > 0 ? " (line " + f.line() + ", column " + f.column() + ", at " + f.path() + ")"
        : " (at " + f.path() + ")");
  }
}
