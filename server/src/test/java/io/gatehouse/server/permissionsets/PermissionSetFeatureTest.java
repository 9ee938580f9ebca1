package io.gatehouse.server.permissionsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The feature below the wire: the catalog and its revisions, the deletion guard, ownership and quotas. */
class PermissionSetFeatureTest {
  static final String OWNER = "111122223333";
  static final String STRANGER = "444455556666";
  static final Instant T = Instant.parse("2026-05-01T12:00:00.123Z");
  static final String POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}""";

  record Fixture(Database db, PermissionSetFeature feature, String instanceArn) {
    PermissionSet set(String arn) {
      return db.withHandle(h -> feature.catalog().find(h, instanceArn, arn)).orElseThrow();
    }

    long revision(String arn) {
      return set(arn).revision();
    }
  }

  static Fixture fixture(Database db, PermissionSetQuotas quotas) {
    IdentityCenterFeature identityCenter = new IdentityCenterFeature(db, Clock.fixed(T, ZoneOffset.UTC));
    String instanceArn = identityCenter.bootstrap(OWNER, "d-0123456789").instanceArn();
    return new Fixture(db, new PermissionSetFeature(db, Clock.fixed(T, ZoneOffset.UTC), identityCenter, quotas), instanceArn);
  }

  static PermissionSetService.NewPermissionSet named(String name) {
    return new PermissionSetService.NewPermissionSet(name, null, null, null, null);
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void theCatalogSeesEveryPartOfASetAndItsRevisionGrowsWithEveryContentChange(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Fixture f = fixture(db, PermissionSetQuotas.DEFAULTS);
      String i = f.instanceArn();
      PermissionSet created = f.feature().sets().create(OWNER, i, new PermissionSetService.NewPermissionSet("Developer",
          "devs", "PT4H", "https://example.com", List.of(new Tag("team", "a"))));
      String arn = created.permissionSetArn();
      assertThat(f.set(arn)).isEqualTo(created);
      assertThat(created.revision()).isEqualTo(1);
      assertThat(created.createdDate()).isEqualTo(T);
      assertThat(created.sessionDuration()).isEqualTo(Duration.ofHours(4));

      List<Runnable> changes = List.of(
          () -> f.feature().sets().update(OWNER, i, arn, "developers", null, null),
          () -> f.feature().sets().update(OWNER, i, arn, null, "PT6H", null),
          () -> f.feature().sets().update(OWNER, i, arn, null, null, "https://example.org"),
          () -> f.feature().policies().attachManaged(OWNER, i, arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"),
          () -> f.feature().policies().attachCustomer(OWNER, i, arn, new CustomerManagedPolicyReference("Deploy", null)),
          () -> f.feature().policies().putInline(OWNER, i, arn, POLICY),
          () -> f.feature().policies().putBoundary(OWNER, i, arn,
              new PermissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess", null)),
          () -> f.feature().policies().detachManaged(OWNER, i, arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"),
          () -> f.feature().policies().detachCustomer(OWNER, i, arn, new CustomerManagedPolicyReference("Deploy", "/")),
          () -> f.feature().policies().deleteInline(OWNER, i, arn),
          () -> f.feature().policies().deleteBoundary(OWNER, i, arn));
      long last = 1;
      for (Runnable change : changes) {
        change.run();
        long now = f.revision(arn);
        assertThat(now).isGreaterThan(last);
        last = now;
      }

      // What does not change the content leaves the revision alone: tags, no-op updates, repeated puts.
      f.feature().tags().tag(OWNER, null, arn, List.of(new Tag("env", "prod")));
      f.feature().tags().untag(OWNER, null, arn, List.of("team"));
      f.feature().sets().update(OWNER, i, arn, null, null, null);
      f.feature().sets().update(OWNER, i, arn, "developers", "PT6H", null);
      f.feature().policies().deleteInline(OWNER, i, arn);
      assertThat(f.revision(arn)).isEqualTo(last);

      f.feature().policies().attachManaged(OWNER, i, arn, "arn:aws:iam::aws:policy/SecurityAudit");
      f.feature().policies().attachCustomer(OWNER, i, arn, new CustomerManagedPolicyReference("Boundary", "/team/"));
      f.feature().policies().putInline(OWNER, i, arn, POLICY);
      f.feature().policies().putBoundary(OWNER, i, arn,
          new PermissionsBoundary(null, new CustomerManagedPolicyReference("Limit", null)));
      PermissionSet full = f.set(arn);
      assertThat(full.name()).isEqualTo("Developer");
      assertThat(full.description()).isEqualTo("developers");
      assertThat(full.sessionDuration()).isEqualTo(Duration.ofHours(6));
      assertThat(full.relayState()).isEqualTo("https://example.org");
      assertThat(full.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/SecurityAudit");
      assertThat(full.customerManagedPolicies()).containsExactly(new CustomerManagedPolicyReference("Boundary", "/team/"));
      assertThat(full.inlinePolicy()).isEqualTo(POLICY);
      assertThat(full.permissionsBoundary())
          .isEqualTo(new PermissionsBoundary(null, new CustomerManagedPolicyReference("Limit", "/")));

      assertThat(db.withHandle((org.jdbi.v3.core.Handle h) -> f.feature().catalog().find(h, "arn:aws:sso:::instance/ssoins-0000000000000000", arn)))
          .as("a set is found only under its own instance").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void theDeletionGuardRunsInTheDeletingTransactionAndCanRefuse(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Fixture f = fixture(db, PermissionSetQuotas.DEFAULTS);
      String arn = f.feature().sets().create(OWNER, f.instanceArn(), named("InUse")).permissionSetArn();
      f.feature().setDeletionGuard((h, instanceArn, permissionSetArn) -> {
        assertThat(f.feature().catalog().find(h, instanceArn, permissionSetArn)).as("seen in the same transaction").isPresent();
        throw new AwsException("ConflictException", 400, "PermissionSet " + permissionSetArn + " is still assigned.");
      });
      assertThatThrownBy(() -> f.feature().sets().delete(OWNER, f.instanceArn(), arn))
          .isInstanceOf(AwsException.class).hasMessageContaining("still assigned");
      assertThat(f.set(arn).name()).isEqualTo("InUse");

      f.feature().setDeletionGuard(DeletionGuard.NONE);
      f.feature().sets().delete(OWNER, f.instanceArn(), arn);
      assertThat(db.withHandle((org.jdbi.v3.core.Handle h) -> f.feature().catalog().find(h, f.instanceArn(), arn))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void anotherAccountCannotSeeTheInstanceNorItsSets(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Fixture f = fixture(db, PermissionSetQuotas.DEFAULTS);
      String arn = f.feature().sets().create(OWNER, f.instanceArn(), named("Mine")).permissionSetArn();
      assertThatThrownBy(() -> f.feature().sets().describe(STRANGER, f.instanceArn(), arn))
          .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
      assertThatThrownBy(() -> f.feature().sets().create(STRANGER, f.instanceArn(), named("Theirs")))
          .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
      assertThatThrownBy(() -> f.feature().tags().list(STRANGER, null, arn, null))
          .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void anInstanceHoldsAtMostItsQuotaOfSets(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Fixture f = fixture(db, new PermissionSetQuotas(3, 20, 10_240, 50));
      for (String name : List.of("A", "B", "C")) f.feature().sets().create(OWNER, f.instanceArn(), named(name));
      assertThatThrownBy(() -> f.feature().sets().create(OWNER, f.instanceArn(), named("D")))
          .isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("ServiceQuotaExceededException");
            assertThat(e.getMessage()).contains("3");
          });
      Page<String> first = f.feature().sets().list(OWNER, f.instanceArn(), 2, null);
      Page<String> second = f.feature().sets().list(OWNER, f.instanceArn(), 2, first.nextToken());
      assertThat(first.items()).hasSize(2);
      assertThat(second.items()).hasSize(1);
      assertThat(second.nextToken()).isNull();
      f.feature().sets().delete(OWNER, f.instanceArn(), second.items().get(0));
      f.feature().sets().create(OWNER, f.instanceArn(), named("D"));
    }
  }
}
