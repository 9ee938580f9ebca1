package io.gatehouse.server.sts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What STS seals into a session token beside the principal, so that any server can authorize the
 * session's later calls without a database read.
 *
 * @param kind how the session was made
 * @param roleArn the assumed role's ARN with its path; null for a GetSessionToken session
 * @param sessionName the RoleSessionName; null for a GetSessionToken session
 * @param inlinePolicy the inline session policy as given, or null
 * @param policyArns the managed session policies' ARNs (resolved against the snapshot when authorizing)
 * @param tags the session tags (passed ones and those inherited through a chain), in their given case
 * @param transitiveTagKeys the keys of {@code tags} that pass on to chained sessions
 * @param sourceIdentity the source identity, fixed for the whole chain once set, or null
 */
public record SessionContext(Kind kind, String roleArn, String sessionName, String inlinePolicy, List<String> policyArns,
    Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity) {

  /** The kinds of temporary credentials STS issues. */
  public enum Kind { ASSUMED_ROLE, USER_SESSION }

  private static final byte FORMAT = 1;

  public SessionContext {
    Objects.requireNonNull(kind, "kind");
    policyArns = List.copyOf(policyArns);
    tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    transitiveTagKeys = List.copyOf(transitiveTagKeys);
  }

  static SessionContext userSession() {
    return new SessionContext(Kind.USER_SESSION, null, null, null, List.of(), Map.of(), List.of(), null);
  }

  /** True when the session carries session policies, which then bound what it may do. */
  public boolean hasSessionPolicies() {
    return inlinePolicy != null || !policyArns.isEmpty();
  }

  /** The tags a chained session inherits: the transitive ones. */
  Map<String, String> transitiveTags() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : transitiveTagKeys) {
      String value = tags.get(key);
      if (value != null) out.put(key, value);
    }
    return out;
  }

  /** Compact, compressed bytes (tags and policies can be long; the token has a size limit). */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeByte(kind.ordinal());
      writeNullable(out, roleArn);
      writeNullable(out, sessionName);
      writeNullable(out, inlinePolicy);
      out.writeShort(policyArns.size());
      for (String arn : policyArns) out.writeUTF(arn);
      out.writeShort(tags.size());
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        out.writeUTF(tag.getKey());
        out.writeUTF(tag.getValue());
      }
      out.writeShort(transitiveTagKeys.size());
      for (String key : transitiveTagKeys) out.writeUTF(key);
      writeNullable(out, sourceIdentity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deflate(bytes.toByteArray());
  }

  /** Decodes what {@link #encode} wrote; empty for bytes of another format (e.g. another issuer's). */
  static Optional<SessionContext> decode(byte[] sealed) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(inflate(sealed)));
      if (in.readByte() != FORMAT) return Optional.empty();
      Kind kind = Kind.values()[in.readByte()];
      String roleArn = readNullable(in);
      String sessionName = readNullable(in);
      String inline = readNullable(in);
      List<String> arns = new ArrayList<>();
      for (int i = in.readShort(); i > 0; i--) arns.add(in.readUTF());
      Map<String, String> tags = new LinkedHashMap<>();
      for (int i = in.readShort(); i > 0; i--) tags.put(in.readUTF(), in.readUTF());
      List<String> transitive = new ArrayList<>();
      for (int i = in.readShort(); i > 0; i--) transitive.add(in.readUTF());
      String sourceIdentity = readNullable(in);
      return Optional.of(new SessionContext(kind, roleArn, sessionName, inline, arns, tags, transitive, sourceIdentity));
    } catch (IOException | DataFormatException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) out.writeUTF(s);
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static byte[] deflate(byte[] plain) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(plain);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
      byte[] buf = new byte[1024];
      while (!deflater.finished()) out.write(buf, 0, deflater.deflate(buf));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] compressed) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3 + 16);
      byte[] buf = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new DataFormatException("truncated");
        out.write(buf, 0, n);
        if (out.size() > 1 << 20) throw new DataFormatException("too large");
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
