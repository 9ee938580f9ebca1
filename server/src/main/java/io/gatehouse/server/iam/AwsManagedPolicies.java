package io.gatehouse.server.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * AWS's managed policies ({@code arn:aws:iam::aws:policy/…}), with their real default documents:
 * read-only data shipped in {@code iam/aws-managed-policies.json.gz} (see the README beside it),
 * loaded once per process on first use.
 */
final class AwsManagedPolicies {
  private static final String RESOURCE = "/iam/aws-managed-policies.json.gz";
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  /** A managed policy of AWS and its default version's document. */
  record AwsPolicy(ManagedPolicy policy, String document) {}

  private static volatile Map<String, AwsPolicy> byArn;

  private AwsManagedPolicies() {}

  static Optional<AwsPolicy> find(String arn) {
    return Optional.ofNullable(all().get(arn));
  }

  /** Every AWS managed policy by ARN, ordered by name. */
  static Map<String, AwsPolicy> all() {
    Map<String, AwsPolicy> loaded = byArn;
    if (loaded == null) {
      synchronized (AwsManagedPolicies.class) {
        if (byArn == null) byArn = load();
        loaded = byArn;
      }
    }
    return loaded;
  }

  static Collection<AwsPolicy> list() {
    return all().values();
  }

  private static Map<String, AwsPolicy> load() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream raw = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) throw new IllegalStateException("missing resource " + RESOURCE);
      JsonNode root = json.readTree(new GZIPInputStream(raw));
      Map<String, AwsPolicy> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        JsonNode p = e.getValue();
        String version = p.get("DefaultVersionId").asText();
        ManagedPolicy policy = new ManagedPolicy(stableId(name), ManagedPolicy.AWS_ACCOUNT, name, p.get("Path").asText(),
            null, version, Integer.parseInt(version.substring(1)) + 1,
            OffsetDateTime.parse(p.get("CreateDate").asText()).toInstant(),
            OffsetDateTime.parse(p.get("UpdateDate").asText()).toInstant());
        out.put(policy.arn(), new AwsPolicy(policy, json.writeValueAsString(p.get("Document"))));
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The same {@code ANPA…} id on every server: derived from the name, since the data has no ids. */
  private static String stableId(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("ANPA");
      for (int i = 0; sb.length() < 21; i++) sb.append(BASE32[(digest[i] & 0xff) % 32]);
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
