package io.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 appendix B's SHA-1 key; its 8-digit codes end in the 6 digits authenticator apps show. */
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void codesAreRfc6238sTestVectorsCutToSixDigits() {
    assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");          // 94287082
    assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");  // 07081804
    assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");  // 89005924
    assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130"); // 65353130
  }

  @Test
  void aCodeIsAcceptedOneStepEitherSideAndOnlyAfterTheLastAcceptedStep() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    long step = Totp.step(now);
    assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step), now, 0)).hasValue(step);
    assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, 0)).hasValue(step - 1);
    assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, 0)).hasValue(step + 1);
    assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_KEY, Totp.code(RFC_KEY, step), now, step)).isEmpty(); // replay
    assertThat(Totp.verify(RFC_KEY, "12345", now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_KEY, "abcdef", now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_KEY, null, now, 0)).isEmpty();
  }

  @Test
  void base32IsRfc4648sAlphabetWithoutPadding() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @Property
  void base32RoundTripsThroughWhatAnAuthenticatorDecodes(@ForAll @Size(min = 20, max = 20) byte[] secret) {
    assertThat(PortalBrowser.base32(Totp.base32(secret))).isEqualTo(secret);
  }

  @Test
  void theProvisioningUriNamesIssuerAccountAndSecret() {
    assertThat(Totp.provisioningUri("Gatehouse", "alice smith", RFC_KEY))
        .isEqualTo("otpauth://totp/Gatehouse:alice%20smith?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gatehouse"
            + "&algorithm=SHA1&digits=6&period=30");
  }
}
