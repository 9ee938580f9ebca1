package io.gatehouse.server.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256 keys, each with an id, one of them current, kept in a JSON file readable only by its owner.
 *
 * <p>{@link #seal} encrypts with the current key under AES-GCM with a fresh random 96-bit nonce and
 * writes the key id into the result, so {@link #open} still opens values sealed before a
 * {@link #rotate rotation}. Servers that share a database must share the keyring file.
 *
 * <p>Sealed layout: {@code 0x01 | idLength (1 byte) | id (ASCII) | nonce (12) | ciphertext + tag (16)}.
 * The header is authenticated together with the caller's associated data.
 */
public final class Keyring {
  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
  private static final String FORMAT = "gatehouse-keyring-v1";
  private static final byte VERSION = 1;
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_ID_LENGTH = 64;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JcaPool<Cipher> CIPHERS = new JcaPool<>(() -> Cipher.getInstance("AES/GCM/NoPadding"));

  private final Map<String, SecretKey> keys;
  private final String currentId;
  private final byte[] currentHeader;

  private Keyring(Map<String, SecretKey> keys, String currentId) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.currentId = currentId;
    this.currentHeader = header(currentId);
  }

  /**
   * Reads the keyring at {@code file}, or creates it (mode 0600, parent directories as needed)
   * with one fresh key when it does not exist yet.
   *
   * @throws KeyringException when the file cannot be read or written, or is not a valid keyring
   */
  public static Keyring loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    String id = newKeyId();
    Map<String, SecretKey> keys = Map.of(id, newKey());
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Path tmp = writeTemp(file, render(keys, id));
      try {
        // A hard link fails if another process created the file meanwhile; then theirs wins.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raced) {
        return load(file);
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new KeyringException(file, "cannot create: " + e.getMessage(), e);
    }
    LOG.info("created keyring {} with key {}", file, id);
    return new Keyring(keys, id);
  }

  /** Reads an existing keyring file. */
  public static Keyring load(Path file) {
    JsonNode root;
    try {
      warnIfReadableByOthers(file);
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new KeyringException(file, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new KeyringException(file, "not a keyring (expected \"format\": \"" + FORMAT + "\")", null);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (JsonNode entry : root.path("keys")) {
      String id = entry.path("id").asText("");
      if (!validId(id)) {
        throw new KeyringException(file, "key id `" + id + "` must be 1-64 letters, digits, '-' or '_'", null);
      }
      byte[] material;
      try {
        material = Base64.getDecoder().decode(entry.path("aes256").asText(""));
      } catch (IllegalArgumentException e) {
        throw new KeyringException(file, "key `" + id + "` is not valid base64", e);
      }
      if (material.length != KEY_BYTES) {
        throw new KeyringException(file, "key `" + id + "` must be 32 bytes, is " + material.length, null);
      }
      if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
        throw new KeyringException(file, "key id `" + id + "` appears twice", null);
      }
    }
    String current = root.path("current").asText("");
    if (!keys.containsKey(current)) {
      throw new KeyringException(file, "current key `" + current + "` is not among its keys", null);
    }
    return new Keyring(keys, current);
  }

  /**
   * Adds a fresh key to the keyring file and makes it current; the old keys stay, so values sealed
   * under them still open. Other servers pick the new key up when they next load the file.
   */
  public static Keyring rotate(Path file) {
    Keyring old = load(file);
    Map<String, SecretKey> keys = new LinkedHashMap<>(old.keys);
    String id = newKeyId();
    keys.put(id, newKey());
    try {
      Path tmp = writeTemp(file, render(keys, id));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new KeyringException(file, "cannot write: " + e.getMessage(), e);
    }
    LOG.info("rotated keyring {}: current key is now {}", file, id);
    return new Keyring(keys, id);
  }

  public String currentKeyId() {
    return currentId;
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  /**
   * Encrypts and authenticates {@code plaintext} under the current key.
   *
   * @param aad associated data that {@link #open} must be given again (binds the value to its use,
   *     e.g. to the access key it belongs to); may be empty, never null
   */
  public byte[] seal(byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    int headerLength = currentHeader.length;
    byte[] out = new byte[headerLength + NONCE_BYTES + plaintext.length + TAG_BITS / 8];
    System.arraycopy(currentHeader, 0, out, 0, headerLength);
    System.arraycopy(nonce, 0, out, headerLength, NONCE_BYTES);
    CIPHERS.with(cipher -> {
      try {
        cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(currentHeader);
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext, 0, plaintext.length, out, headerLength + NONCE_BYTES);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM encryption failed", e);
      }
    });
    return out;
  }

  /**
   * Decrypts a value made by {@link #seal} under any key of this keyring.
   *
   * @throws SealedDataException when it is malformed, sealed under an unknown key, or was tampered
   *     with (including different associated data)
   */
  public byte[] open(byte[] sealed, byte[] aad) {
    if (sealed.length < 2 || sealed[0] != VERSION) {
      throw new SealedDataException(SealedDataException.Reason.MALFORMED, null,
          "sealed value has an unknown format (expected version byte 1)");
    }
    int idLength = sealed[1] & 0xff;
    int headerLength = 2 + idLength;
    if (idLength == 0 || sealed.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new SealedDataException(SealedDataException.Reason.MALFORMED, null, "sealed value is truncated");
    }
    String id = new String(sealed, 2, idLength, StandardCharsets.US_ASCII);
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new SealedDataException(SealedDataException.Reason.UNKNOWN_KEY, id,
          "sealed under key `" + id + "`, which this keyring does not hold (keys: " + keys.keySet()
              + "); servers sharing a database must share one keyring file");
    }
    return CIPHERS.with(cipher -> {
      try {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, headerLength, NONCE_BYTES));
        cipher.updateAAD(sealed, 0, headerLength);
        cipher.updateAAD(aad);
        int offset = headerLength + NONCE_BYTES;
        return cipher.doFinal(sealed, offset, sealed.length - offset);
      } catch (AEADBadTagException e) {
        throw new SealedDataException(SealedDataException.Reason.TAMPERED, id,
            "sealed value under key `" + id + "` failed authentication: it was altered or belongs elsewhere");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM decryption failed", e);
      }
    });
  }

  private static byte[] header(String id) {
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + idBytes.length];
    header[0] = VERSION;
    header[1] = (byte) idBytes.length;
    System.arraycopy(idBytes, 0, header, 2, idBytes.length);
    return header;
  }

  private static boolean validId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) return false;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) return false;
    }
    return true;
  }

  private static String newKeyId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "k-" + HexFormat.of().formatHex(b);
  }

  private static SecretKey newKey() {
    byte[] material = new byte[KEY_BYTES];
    RANDOM.nextBytes(material);
    return new SecretKeySpec(material, "AES");
  }

  private static byte[] render(Map<String, SecretKey> keys, String currentId) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("current", currentId);
    ArrayNode list = root.putArray("keys");
    keys.forEach((id, key) -> list.addObject().put("id", id).put("aes256", Base64.getEncoder().encodeToString(key.getEncoded())));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code content} durably to a new owner-only file beside {@code file}. */
  private static Path writeTemp(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".keyring", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      tmp = Files.createTempFile(dir, ".keyring", ".tmp");
    }
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) channel.write(buffer);
      channel.force(true);
    }
    return tmp;
  }

  private static void warnIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : permissions) {
        if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
          LOG.warn("keyring {} is accessible to other users ({}); chmod 600 it",
              file, PosixFilePermissions.toString(permissions));
          return;
        }
      }
    } catch (UnsupportedOperationException | IOException ignored) {
      // Not a POSIX file system: nothing to check.
    }
  }
}
