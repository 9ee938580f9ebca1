package io.gatehouse.server.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * An account's password policy. Absent, AWS applies its default: at least 8 characters and three
 * of the four character classes (see {@link #problems}).
 *
 * @param maxPasswordAge days, or null for passwords that never expire
 * @param passwordReusePrevention how many previous passwords cannot be reused, or null
 */
record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
    boolean requireUppercaseCharacters, boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
    Integer maxPasswordAge, Integer passwordReusePrevention, boolean hardExpiry) {
  private static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

  /** What the password misses under this policy, in AWS's words; empty when it complies. */
  List<String> problems(String password) {
    List<String> out = new ArrayList<>();
    if (password.length() < minimumPasswordLength) {
      out.add("Password should have at least " + minimumPasswordLength + " characters");
    }
    if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
      out.add("Password should have at least one symbol");
    }
    if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      out.add("Password should have at least one number");
    }
    if (requireUppercaseCharacters && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
      out.add("Password should have at least one uppercase letter");
    }
    if (requireLowercaseCharacters && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
      out.add("Password should have at least one lowercase letter");
    }
    return out;
  }

  /**
   * AWS's rule without a custom policy: at least 8 characters, and at least three of uppercase,
   * lowercase, numbers and symbols.
   */
  static List<String> defaultProblems(String password) {
    List<String> out = new ArrayList<>();
    if (password.length() < 8) out.add("Password should have at least 8 characters");
    int classes = 0;
    if (password.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) classes++;
    if (password.chars().anyMatch(c -> c >= 'a' && c <= 'z')) classes++;
    if (password.chars().anyMatch(c -> c >= '0' && c <= '9')) classes++;
    if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
    if (classes < 3) {
      out.add("Password should have at least three of: uppercase letters, lowercase letters, numbers, symbols");
    }
    return out;
  }
}
