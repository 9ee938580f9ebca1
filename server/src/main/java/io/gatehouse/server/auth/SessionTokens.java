package io.gatehouse.server.auth;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.crypto.SealedDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Self-contained temporary credentials: the session token is a record sealed by the keyring (the
 * key id, its secret, the principal, issue time, expiry and the issuer's context), so any server
 * holding the keyring verifies it without a database read. As a {@link CredentialResolver} it
 * answers for {@code ASIA...} keys only.
 *
 * <p>STS (issue 3) issues through {@link #issue} and reads a request's session back with
 * {@link #open}; revocation of sessions issued before a time is for the caller to check against
 * its snapshot ({@link Session#issuedAt()}).
 */
public final class SessionTokens implements CredentialResolver {
  static final String EXPIRED = "The security token included in the request is expired";
  private static final byte FORMAT = 1;
  private static final int MAX_TOKEN_CHARS = 16_384;

  private final Keyring keyring;
  private final Clock clock;

  public SessionTokens(Keyring keyring, Clock clock) {
    this.keyring = keyring;
    this.clock = clock;
  }

  /** Issues credentials for {@code principal} (its {@code accessKeyId} is ignored) until {@code expiration}. */
  public IssuedSession issue(Caller principal, Instant expiration, byte[] context) {
    String accessKeyId = Ids.uniqueId("ASIA");
    String secret = Ids.secretAccessKey();
    Instant now = clock.instant();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + context.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(accessKeyId);
      out.writeUTF(secret);
      out.writeUTF(principal.accountId());
      out.writeUTF(principal.arn());
      out.writeUTF(principal.userId());
      out.writeUTF(principal.type().name());
      out.writeLong(now.toEpochMilli());
      out.writeLong(expiration.toEpochMilli());
      out.writeInt(context.length);
      out.write(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String token = Base64.getEncoder().encodeToString(keyring.seal(bytes.toByteArray(), aad(accessKeyId)));
    return new IssuedSession(accessKeyId, secret, token, expiration);
  }

  /**
   * The session behind a token presented with {@code accessKeyId}, whether or not it has expired;
   * empty when the token is not one of ours or belongs to another key.
   */
  public Optional<Session> open(String accessKeyId, String sessionToken) {
    return decode(accessKeyId, sessionToken).map(Decoded::session);
  }

  @Override
  public SigningCredential resolve(String accessKeyId, String sessionToken) {
    if (!accessKeyId.startsWith("ASIA")) return null;
    Decoded decoded = decode(accessKeyId, sessionToken)
        .orElseThrow(() -> new AuthenticationException(Kind.UNKNOWN_ACCESS_KEY, SigV4Authenticator.INVALID_TOKEN));
    if (!clock.instant().isBefore(decoded.session().expiration())) {
      throw new AuthenticationException(Kind.EXPIRED_TOKEN, EXPIRED);
    }
    return new SigningCredential(accessKeyId, decoded.secret(), decoded.session().caller());
  }

  private record Decoded(String secret, Session session) {}

  private Optional<Decoded> decode(String accessKeyId, String sessionToken) {
    if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > MAX_TOKEN_CHARS) return Optional.empty();
    try {
      byte[] plain = keyring.open(Base64.getDecoder().decode(sessionToken), aad(accessKeyId));
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
      if (in.readByte() != FORMAT || !in.readUTF().equals(accessKeyId)) return Optional.empty();
      String secret = in.readUTF();
      String accountId = in.readUTF();
      String arn = in.readUTF();
      String userId = in.readUTF();
      Caller.PrincipalType type = Caller.PrincipalType.valueOf(in.readUTF());
      Instant issuedAt = Instant.ofEpochMilli(in.readLong());
      Instant expiration = Instant.ofEpochMilli(in.readLong());
      byte[] context = in.readNBytes(in.readInt());
      Caller caller = new Caller(accountId, arn, userId, type, accessKeyId);
      return Optional.of(new Decoded(secret, new Session(caller, issuedAt, expiration, context)));
    } catch (SealedDataException | IllegalArgumentException | IOException e) {
      // Not base64, not sealed by this keyring, altered, or bound to another key: not a token of ours.
      return Optional.empty();
    }
  }

  /** Binds each token to its key id: a token presented with another key id does not open. */
  private static byte[] aad(String accessKeyId) {
    return ("gatehouse/session/" + accessKeyId).getBytes(StandardCharsets.UTF_8);
  }
}
