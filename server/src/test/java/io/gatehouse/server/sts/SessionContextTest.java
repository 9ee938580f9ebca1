package io.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The session context sealed into tokens survives encoding exactly, and foreign bytes never decode. */
class SessionContextTest {

  @Property(tries = 200)
  void everyContextRoundTrips(@ForAll("contexts") SessionContext context) {
    assertThat(SessionContext.decode(context.encode())).contains(context);
  }

  @Provide
  Arbitrary<SessionContext> contexts() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(80);
    Arbitrary<String> nullable = text.injectNull(0.3);
    Arbitrary<Map<String, String>> tags = Arbitraries.maps(text, Arbitraries.strings().ofMaxLength(256)).ofMaxSize(50)
        .map(LinkedHashMap::new);
    return net.jqwik.api.Combinators.combine(Arbitraries.of(SessionContext.Kind.class), nullable, nullable,
            Arbitraries.strings().ofMaxLength(2048).injectNull(0.5), text.list().ofMaxSize(10), tags, nullable)
        .as((kind, role, name, policy, arns, t, source) -> new SessionContext(kind, role, name, policy, arns, t,
            List.copyOf(t.keySet()).subList(0, t.size() / 2), source));
  }

  @Property(tries = 300)
  void garbageNeverDecodesOrThrows(@ForAll byte[] bytes) {
    // a context of another format or issuer is simply not ours
    SessionContext.decode(bytes).ifPresent(c -> assertThat(c.kind()).isNotNull());
  }

  @Test
  void whatPassesThePackedSizeCheckFitsInATokenWithRoomToSpare() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) tags.put(("key-" + i + "-").repeat(30).substring(0, 128), ("v" + i).repeat(128).substring(0, 256));
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},".repeat(30)
        .replaceAll(",$", "") + "]}";
    SessionContext big = new SessionContext(SessionContext.Kind.ASSUMED_ROLE, "arn:aws:iam::123456789012:role/r", "s",
        policy, List.of(), tags, List.copyOf(tags.keySet()), "me");
    // AssumeRole admits at most 100% of the packed size; SessionTokens refuses tokens above 16,384
    // characters, and base64 of the sealed record adds a third
    assertThat(PackedSize.percent(policy, List.of(), tags)).isLessThanOrEqualTo(100);
    assertThat(big.encode().length * 4 / 3).isLessThan(8_000);
    assertThat(SessionContext.decode(big.encode())).contains(big);
  }

  @Test
  void packedSizeGrowsWithPoliciesAndTags() {
    int small = PackedSize.percent("{\"Version\":\"2012-10-17\",\"Statement\":[]}", List.of(), Map.of());
    int larger = PackedSize.percent("{\"Version\":\"2012-10-17\",\"Statement\":[]}", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
        Map.of("team", "blue", "project", "gatehouse-" + "x".repeat(200)));
    assertThat(small).isBetween(1, 100);
    assertThat(larger).isGreaterThan(small);
  }
}
