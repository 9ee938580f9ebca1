package io.gatehouse.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  private static final byte[] AAD = "access-key:AKIAEXAMPLE".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void firstStartCreatesAnOwnerOnlyFileThatALaterStartReadsBack() throws Exception {
    Path file = dir.resolve("data/keyring.json");
    Keyring created = Keyring.loadOrCreate(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(created.keyIds()).containsExactly(created.currentKeyId());
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }

    Keyring reloaded = Keyring.loadOrCreate(file);
    assertThat(reloaded.currentKeyId()).isEqualTo(created.currentKeyId());
    byte[] sealed = created.seal("secret".getBytes(StandardCharsets.UTF_8), AAD);
    assertThat(new String(reloaded.open(sealed, AAD), StandardCharsets.UTF_8)).isEqualTo("secret");
  }

  @Test
  void sealingTwiceGivesDifferentCiphertextsBecauseTheNonceIsFresh() {
    Keyring keyring = Keyring.loadOrCreate(dir.resolve("keyring.json"));
    byte[] plaintext = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);

    byte[] a = keyring.seal(plaintext, AAD);
    byte[] b = keyring.seal(plaintext, AAD);

    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("wJalrXUtnFEMI");
    assertThat(keyring.open(a, AAD)).isEqualTo(plaintext);
    assertThat(keyring.open(b, AAD)).isEqualTo(plaintext);
  }

  @Test
  void everyFlippedByteIsDetectedAsTamperingOrMalformed() {
    Keyring keyring = Keyring.loadOrCreate(dir.resolve("keyring.json"));
    byte[] sealed = keyring.seal("payload".getBytes(StandardCharsets.UTF_8), AAD);

    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> keyring.open(tampered, AAD))
          .as("byte %d flipped", i)
          .isInstanceOf(SealedDataException.class);
    }
    byte[] bodyFlipped = sealed.clone();
    bodyFlipped[sealed.length - 1] ^= 0x40;
    assertThatThrownBy(() -> keyring.open(bodyFlipped, AAD))
        .isInstanceOfSatisfying(SealedDataException.class,
            e -> assertThat(e.reason()).isEqualTo(SealedDataException.Reason.TAMPERED))
        .hasMessageContaining("failed authentication");
  }

  @Test
  void differentAssociatedDataIsRejected() {
    Keyring keyring = Keyring.loadOrCreate(dir.resolve("keyring.json"));
    byte[] sealed = keyring.seal("payload".getBytes(StandardCharsets.UTF_8), AAD);

    assertThatThrownBy(() -> keyring.open(sealed, "access-key:AKIAOTHER".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(SealedDataException.class,
            e -> assertThat(e.reason()).isEqualTo(SealedDataException.Reason.TAMPERED));
  }

  @Test
  void aValueFromAnotherKeyringNamesTheUnknownKey() {
    Keyring mine = Keyring.loadOrCreate(dir.resolve("a.json"));
    Keyring theirs = Keyring.loadOrCreate(dir.resolve("b.json"));
    byte[] sealed = theirs.seal("payload".getBytes(StandardCharsets.UTF_8), AAD);

    assertThatThrownBy(() -> mine.open(sealed, AAD))
        .isInstanceOfSatisfying(SealedDataException.class, e -> {
          assertThat(e.reason()).isEqualTo(SealedDataException.Reason.UNKNOWN_KEY);
          assertThat(e.keyId()).isEqualTo(theirs.currentKeyId());
        })
        .hasMessageContaining(theirs.currentKeyId())
        .hasMessageContaining("share one keyring file");
  }

  @Test
  void truncatedOrForeignBytesAreMalformed() {
    Keyring keyring = Keyring.loadOrCreate(dir.resolve("keyring.json"));
    byte[] sealed = keyring.seal("payload".getBytes(StandardCharsets.UTF_8), AAD);

    for (byte[] bad : new byte[][] {new byte[0], {1}, Arrays.copyOf(sealed, 20), {2, 3, 'k', '1', '2'}}) {
      assertThatThrownBy(() -> keyring.open(bad, AAD))
          .isInstanceOfSatisfying(SealedDataException.class,
              e -> assertThat(e.reason()).isEqualTo(SealedDataException.Reason.MALFORMED));
    }
  }

  @Test
  void rotationMakesANewKeyCurrentAndOldValuesStillOpen() throws Exception {
    Path file = dir.resolve("keyring.json");
    Keyring before = Keyring.loadOrCreate(file);
    byte[] old = before.seal("old".getBytes(StandardCharsets.UTF_8), AAD);

    Keyring after = Keyring.rotate(file);

    assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
    assertThat(after.keyIds()).containsExactly(before.currentKeyId(), after.currentKeyId());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Keyring reloaded = Keyring.loadOrCreate(file);
    assertThat(reloaded.currentKeyId()).isEqualTo(after.currentKeyId());
    assertThat(reloaded.open(old, AAD)).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
    byte[] fresh = reloaded.seal("new".getBytes(StandardCharsets.UTF_8), AAD);
    assertThatThrownBy(() -> before.open(fresh, AAD))
        .isInstanceOfSatisfying(SealedDataException.class,
            e -> assertThat(e.reason()).isEqualTo(SealedDataException.Reason.UNKNOWN_KEY));
  }

  @Test
  void aBrokenFileIsReportedWithItsPathAndReason() throws Exception {
    Path notJson = dir.resolve("garbage.json");
    Files.writeString(notJson, "not json at all {");
    assertThatThrownBy(() -> Keyring.loadOrCreate(notJson))
        .isInstanceOf(KeyringException.class)
        .hasMessageContaining(notJson.toString());

    Path wrongFormat = dir.resolve("other.json");
    Files.writeString(wrongFormat, "{\"format\":\"something-else\"}");
    assertThatThrownBy(() -> Keyring.load(wrongFormat)).hasMessageContaining("not a keyring");

    Path shortKey = dir.resolve("short.json");
    Files.writeString(shortKey,
        "{\"format\":\"gatehouse-keyring-v1\",\"current\":\"k1\",\"keys\":[{\"id\":\"k1\",\"aes256\":\"AAAA\"}]}");
    assertThatThrownBy(() -> Keyring.load(shortKey)).hasMessageContaining("must be 32 bytes");

    Path noCurrent = dir.resolve("nocurrent.json");
    Files.writeString(noCurrent, "{\"format\":\"gatehouse-keyring-v1\",\"current\":\"k9\",\"keys\":[{\"id\":\"k1\",\"aes256\":\""
        + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\"}]}");
    assertThatThrownBy(() -> Keyring.load(noCurrent)).hasMessageContaining("current key `k9`");
  }
}
