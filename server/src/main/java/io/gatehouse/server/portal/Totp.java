package io.gatehouse.server.portal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226):
 * HMAC-SHA1, 6 digits, 30-second steps, the secret shown as base32.
 */
final class Totp {
  static final int SECRET_BYTES = 20;
  static final int STEP_SECONDS = 30;
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Totp() {}

  static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    Secrets.random().nextBytes(secret);
    return secret;
  }

  static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The 6-digit code of one step. */
  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] counter = new byte[8];
      for (int i = 7; i >= 0; i--, step >>>= 8) counter[i] = (byte) step;
      byte[] h = mac.doFinal(counter);
      int offset = h[h.length - 1] & 0x0f;
      int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
          | (h[offset + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /**
   * The step whose code {@code typed} is, within one step of {@code now} (clocks drift) and after
   * {@code lastAccepted} (a code is good once); empty when it is none of them.
   */
  static OptionalLong verify(byte[] secret, String typed, Instant now, long lastAccepted) {
    if (typed == null) return OptionalLong.empty();
    String digits = typed.replace(" ", "");
    if (!digits.matches("\\d{6}")) return OptionalLong.empty();
    long current = step(now);
    for (long s = current - 1; s <= current + 1; s++) {
      if (s <= lastAccepted) continue;
      if (MessageDigest.isEqual(code(secret, s).getBytes(), digits.getBytes())) return OptionalLong.of(s);
    }
    return OptionalLong.empty();
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) out.append(BASE32[(buffer << (5 - bits)) & 31]);
    return out.toString();
  }

  /** The {@code otpauth://} URI that authenticator apps read from a QR code or a link. */
  static String provisioningUri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
