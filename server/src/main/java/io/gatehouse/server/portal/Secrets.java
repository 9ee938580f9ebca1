package io.gatehouse.server.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The portal's bearer secrets (session cookies, device codes, tokens, client secrets): random
 * values handed out once and kept only as their SHA-256, so the database holds nothing that signs in.
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** No vowels or look-alikes: user codes are read off a screen and typed, and spell no words. */
  private static final char[] USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ".toCharArray();

  private Secrets() {}

  /** {@code prefix} followed by 32 random bytes, base64url. */
  static String random(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A device flow's user code, {@code XXXX-XXXX}: 20^8 (about 2.6 × 10^10) values. */
  static String userCode() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) code.append('-');
      code.append(USER_CODE_LETTERS[RANDOM.nextInt(USER_CODE_LETTERS.length)]);
    }
    return code.toString();
  }

  /** A user code as typed: upper case, the dash where it belongs, anything else dropped. */
  static String normalizeUserCode(String typed) {
    if (typed == null) return "";
    StringBuilder letters = new StringBuilder(8);
    for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      if (c >= 'A' && c <= 'Z') letters.append(c);
    }
    if (letters.length() != 8) return letters.toString();
    return letters.substring(0, 4) + "-" + letters.substring(4);
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static SecureRandom random() {
    return RANDOM;
  }
}
