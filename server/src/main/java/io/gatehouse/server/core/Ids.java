package io.gatehouse.server.core;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers in AWS's formats, from a secure random source. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** A 12-digit account id that does not start with 0. */
  public static String accountId() {
    StringBuilder sb = new StringBuilder(12).append((char) ('1' + RANDOM.nextInt(9)));
    for (int i = 1; i < 12; i++) sb.append((char) ('0' + RANDOM.nextInt(10)));
    return sb.toString();
  }

  /** {@code n} lower-case letters and digits, as in {@code o-}, {@code r-} and {@code ou-} ids. */
  public static String lowerAlnum(int n) {
    return pick(LOWER_ALNUM, n);
  }

  /** {@code n} lower-case hex digits, as in {@code ssoins-} and {@code ps-} ids. */
  public static String hex(int n) {
    return pick(HEX, n);
  }

  /** A unique id with an AWS prefix such as {@code AIDA}, {@code AROA}, {@code AKIA}, {@code ASIA}: 20 characters. */
  public static String uniqueId(String prefix) {
    return prefix + pick(UPPER_ALNUM, 20 - prefix.length());
  }

  /** Random secret of 40 base64-like characters, as AWS secret access keys are. */
  public static String secretAccessKey() {
    byte[] bytes = new byte[30];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes).replace('+', 'A').replace('/', 'B');
  }

  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  private static String pick(char[] alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    return new String(out);
  }
}
