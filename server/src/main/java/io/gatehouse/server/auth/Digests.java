package io.gatehouse.server.auth;

import io.gatehouse.server.crypto.JcaPool;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 from pooled engines (see {@link JcaPool}), with lower-case hex output.
 */
final class Digests {
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JcaPool<MessageDigest> SHA256 = new JcaPool<>(() -> MessageDigest.getInstance("SHA-256"));
  private static final JcaPool<Mac> HMAC = new JcaPool<>(() -> Mac.getInstance("HmacSHA256"));

  private Digests() {}

  static String sha256Hex(byte[] data) {
    if (data.length == 0) return EMPTY_SHA256;
    return hex(SHA256.with(digest -> digest.digest(data)));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    return hmac(new SecretKeySpec(key, "HmacSHA256"), data);
  }

  static byte[] hmac(SecretKeySpec key, byte[] data) {
    return HMAC.with(mac -> {
      try {
        mac.init(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 refused its key", e);
      }
      return mac.doFinal(data);
    });
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
