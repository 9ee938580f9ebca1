package io.gatehouse.server.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityCenterFeatureTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30.123Z"), ZoneOffset.UTC);

  static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
    return TestDatabases.all();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void bootstrapCreatesOneActiveInstanceInAwsFormatAndFindsItAgain(Supplier<Database> database) {
    try (Database db = database.get()) {
      IdentityCenterFeature feature = new IdentityCenterFeature(db, CLOCK);
      Instance first = feature.bootstrap("123456789012", "d-0123456789");
      assertThat(first.instanceArn()).matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
      assertThat(first.instanceId()).matches("ssoins-[0-9a-f]{16}");
      assertThat(first.status()).isEqualTo("ACTIVE");
      assertThat(first.identityStoreId()).isEqualTo("d-0123456789");
      assertThat(first.createdDate()).isEqualTo(CLOCK.instant());

      Instance again = new IdentityCenterFeature(db, CLOCK).bootstrap("123456789012", "d-0123456789");
      assertThat(again).isEqualTo(first);
      assertThat(feature.describe("123456789012", first.instanceArn())).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentBootstrapsAgreeOnOneInstance(Supplier<Database> database) throws Exception {
    try (Database db = database.get(); var pool = Executors.newFixedThreadPool(4)) {
      List<Callable<Instance>> tasks = new ArrayList<>();
      for (int i = 0; i < 4; i++) tasks.add(() -> new IdentityCenterFeature(db, CLOCK).bootstrap("123456789012", "d-0123456789"));
      List<String> arns = new ArrayList<>();
      for (Future<Instance> f : pool.invokeAll(tasks)) arns.add(f.get().instanceArn());
      assertThat(arns).hasSize(4).containsOnly(arns.get(0));
      var page = new IdentityCenterFeature(db, CLOCK).list("123456789012", null, null);
      assertThat(page.instances()).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void callersSeeOnlyTheirAccountsInstances(Supplier<Database> database) {
    try (Database db = database.get()) {
      IdentityCenterFeature feature = new IdentityCenterFeature(db, CLOCK);
      Instance mine = feature.bootstrap("123456789012", "d-0123456789");
      assertThat(feature.list("210987654321", null, null).instances()).isEmpty();
      assertThatThrownBy(() -> feature.describe("210987654321", mine.instanceArn()))
          .isInstanceOf(AwsException.class)
          .extracting(e -> ((AwsException) e).code()).isEqualTo("ResourceNotFoundException");
      assertThatThrownBy(() -> feature.describe("123456789012", "arn:aws:sso:::instance/ssoins-0000000000000000"))
          .isInstanceOf(AwsException.class)
          .hasMessageContaining("ssoins-0000000000000000");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFullPageEndsWithoutATokenAndAForeignTokenIsRejected(Supplier<Database> database) {
    try (Database db = database.get()) {
      IdentityCenterFeature feature = new IdentityCenterFeature(db, CLOCK);
      Instance mine = feature.bootstrap("123456789012", "d-0123456789");
      var page = feature.list("123456789012", 1, null);
      assertThat(page.instances()).containsExactly(mine);
      assertThat(page.nextToken()).isNull();
      assertThatThrownBy(() -> feature.list("123456789012", 1, "not*base64"))
          .isInstanceOf(io.gatehouse.server.core.PageToken.InvalidPageTokenException.class);
    }
  }
}
