package io.gatehouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives SigV4 signing keys ({@code HMAC("AWS4" + secret, date) → region → service → aws4_request})
 * and keeps them: a client signs every request of a day with the same key, and the four HMACs are
 * most of the cost of checking a signature.
 */
final class SigningKeys {
  private static final int MAX_ENTRIES = 10_000;
  private static final byte[] TERMINATOR = CredentialScope.TERMINATOR.getBytes(StandardCharsets.UTF_8);

  private record Id(String secret, String date, String region, String service) {}

  private final ConcurrentHashMap<Id, SecretKeySpec> cache = new ConcurrentHashMap<>();

  SecretKeySpec signingKey(String secret, CredentialScope scope) {
    Id id = new Id(secret, scope.date(), scope.region(), scope.service());
    SecretKeySpec key = cache.get(id);
    if (key == null) {
      key = derive(secret, scope);
      // Yesterday's keys are useless; a crude bound keeps the map from growing without limit.
      if (cache.size() >= MAX_ENTRIES) cache.clear();
      cache.put(id, key);
    }
    return key;
  }

  static SecretKeySpec derive(String secret, CredentialScope scope) {
    byte[] k = Digests.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date().getBytes(StandardCharsets.UTF_8));
    k = Digests.hmac(k, scope.region().getBytes(StandardCharsets.UTF_8));
    k = Digests.hmac(k, scope.service().getBytes(StandardCharsets.UTF_8));
    k = Digests.hmac(k, TERMINATOR);
    return new SecretKeySpec(k, "HmacSHA256");
  }
}
