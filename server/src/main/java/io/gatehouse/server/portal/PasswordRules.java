package io.gatehouse.server.portal;

import java.util.Optional;

/**
 * IAM Identity Center's password requirements for its own directory: 8 to 64 characters with at
 * least one lower-case letter, one upper-case letter, one digit and one other character.
 */
final class PasswordRules {
  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 64;
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String OTHER = "!@#$%^&*-_=+";

  private PasswordRules() {}

  /** Why {@code password} is not acceptable, or empty when it is. */
  static Optional<String> problem(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return Optional.of("A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (Character.isLowerCase(c)) lower = true;
      else if (Character.isUpperCase(c)) upper = true;
      else if (Character.isDigit(c)) digit = true;
      else other = true;
    }
    if (!(lower && upper && digit && other)) {
      return Optional.of("A password needs a lower-case letter, an upper-case letter, a digit and another character"
          + " such as ! or #.");
    }
    return Optional.empty();
  }

  /** A one-time password for an administrator to hand over: 16 characters that meet the rules. */
  static String generate() {
    String all = LOWER + UPPER + DIGITS + OTHER;
    char[] out = new char[16];
    String[] required = {LOWER, UPPER, DIGITS, OTHER};
    for (int i = 0; i < out.length; i++) {
      String from = i < required.length ? required[i] : all;
      out[i] = from.charAt(Secrets.random().nextInt(from.length()));
    }
    for (int i = out.length - 1; i > 0; i--) {
      int j = Secrets.random().nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }
}
