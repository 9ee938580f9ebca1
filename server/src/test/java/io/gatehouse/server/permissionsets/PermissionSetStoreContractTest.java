package io.gatehouse.server.permissionsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract for {@link JdbcPermissionSetStore}, run on H2 and on PostgreSQL. */
class PermissionSetStoreContractTest {
  static final String I1 = "arn:aws:sso:::instance/ssoins-1111111111111111";
  static final String I2 = "arn:aws:sso:::instance/ssoins-2222222222222222";
  static final Instant T = Instant.parse("2026-05-01T12:34:56.789Z");
  final PermissionSetStore store = new JdbcPermissionSetStore();

  static String arn(String instance, String hex) {
    return "arn:aws:sso:::permissionSet/" + instance.substring(instance.lastIndexOf('/') + 1) + "/ps-" + hex;
  }

  static PermissionSet set(String instance, String hex, String name) {
    return new PermissionSet(instance, arn(instance, hex), name, null, Duration.ofHours(1), null, T, List.of(), List.of(),
        null, null, 1);
  }

  static <R> R tx(Database db, Function<Handle, R> work) {
    return db.inTransaction(work::apply);
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void setsRoundTripWithEveryColumnAndAreListedPerInstanceInArnOrder(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      PermissionSet full = new PermissionSet(I1, arn(I1, "bbbbbbbbbbbbbbbb"), "Developer", "devs", Duration.ofMinutes(90),
          "https://example.com/?a=b", T, List.of(), List.of(), "{\"Version\":\"2012-10-17\"}",
          new PermissionsBoundary(null, new CustomerManagedPolicyReference("Limit", "/team/")), 7);
      tx(db, h -> {
        store.insert(h, full);
        store.insert(h, set(I1, "aaaaaaaaaaaaaaaa", "ReadOnly"));
        store.insert(h, set(I2, "cccccccccccccccc", "Developer"));
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.find(h, full.permissionSetArn(), false))).contains(full);
      assertThat(tx(db, (Handle h) -> store.find(h, arn(I1, "0000000000000000"), true))).isEmpty();
      assertThat(tx(db, (Handle h) -> store.count(h, I1))).isEqualTo(2);
      assertThat(tx(db, (Handle h) -> store.nameTaken(h, I1, "Developer"))).isTrue();
      assertThat(tx(db, (Handle h) -> store.nameTaken(h, I1, "developer"))).isFalse();
      assertThat(tx(db, (Handle h) -> store.listArns(h, I1, null, 10)))
          .containsExactly(arn(I1, "aaaaaaaaaaaaaaaa"), arn(I1, "bbbbbbbbbbbbbbbb"));
      assertThat(tx(db, (Handle h) -> store.listArns(h, I1, arn(I1, "aaaaaaaaaaaaaaaa"), 10))).containsExactly(arn(I1, "bbbbbbbbbbbbbbbb"));
      assertThat(tx(db, (Handle h) -> store.listArns(h, I1, null, 1))).containsExactly(arn(I1, "aaaaaaaaaaaaaaaa"));

      PermissionSet changed = full.withDetails("developers", Duration.ofHours(12), null).withInlinePolicy(null)
          .withBoundary(new PermissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess", null)).withRevision(8);
      tx(db, h -> {
        store.update(h, changed);
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.find(h, full.permissionSetArn(), true))).contains(changed);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void namesAreUniquePerInstance(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      tx(db, h -> {
        store.insert(h, set(I1, "aaaaaaaaaaaaaaaa", "Developer"));
        return null;
      });
      assertThatThrownBy(() -> tx(db, h -> {
        store.insert(h, set(I1, "bbbbbbbbbbbbbbbb", "Developer"));
        return null;
      })).isInstanceOf(RuntimeException.class);
      assertThat(tx(db, (Handle h) -> store.count(h, I1))).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void policiesAreAttachedDetachedOrderedAndGoWithTheirSet(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      String a = arn(I1, "aaaaaaaaaaaaaaaa");
      tx(db, h -> {
        store.insert(h, set(I1, "aaaaaaaaaaaaaaaa", "Developer"));
        store.attachManagedPolicy(h, a, "arn:aws:iam::aws:policy/SecurityAudit");
        store.attachManagedPolicy(h, a, "arn:aws:iam::aws:policy/ReadOnlyAccess");
        store.attachManagedPolicy(h, a, "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
        store.attachCustomerPolicy(h, a, new CustomerManagedPolicyReference("b", "/"));
        store.attachCustomerPolicy(h, a, new CustomerManagedPolicyReference("a", "/z/"));
        store.attachCustomerPolicy(h, a, new CustomerManagedPolicyReference("A", "/"));
        return null;
      });
      PermissionSet s = tx(db, h -> store.find(h, a, false)).orElseThrow();
      assertThat(s.managedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess",
          "arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
      assertThat(s.customerManagedPolicies()).containsExactly(new CustomerManagedPolicyReference("A", "/"),
          new CustomerManagedPolicyReference("b", "/"), new CustomerManagedPolicyReference("a", "/z/"));

      assertThat(tx(db, (Handle h) -> store.detachManagedPolicy(h, a, "arn:aws:iam::aws:policy/SecurityAudit"))).isTrue();
      assertThat(tx(db, (Handle h) -> store.detachManagedPolicy(h, a, "arn:aws:iam::aws:policy/SecurityAudit"))).isFalse();
      assertThat(tx(db, (Handle h) -> store.detachCustomerPolicy(h, a, new CustomerManagedPolicyReference("a", "/")))).isFalse();
      assertThat(tx(db, (Handle h) -> store.detachCustomerPolicy(h, a, new CustomerManagedPolicyReference("a", "/z/")))).isTrue();
      assertThat(tx(db, (Handle h) -> store.find(h, a, false)).orElseThrow().customerManagedPolicies()).hasSize(2);

      tx(db, h -> {
        store.delete(h, a);
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.find(h, a, false))).isEmpty();
      tx(db, h -> {
        store.insert(h, set(I1, "aaaaaaaaaaaaaaaa", "Developer"));
        return null;
      });
      PermissionSet again = tx(db, h -> store.find(h, a, false)).orElseThrow();
      assertThat(again.managedPolicyArns()).as("a deleted set leaves no policies behind").isEmpty();
      assertThat(again.customerManagedPolicies()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void tagsArePutReplacedRemovedAndListedByKey(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      String a = arn(I1, "aaaaaaaaaaaaaaaa");
      tx(db, h -> {
        store.putTag(h, a, new Tag("team", "a"));
        store.putTag(h, a, new Tag("env", "prod"));
        store.putTag(h, a, new Tag("team", "b"));
        store.putTag(h, I1, new Tag("owner", "x"));
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.tags(h, a))).containsExactly(new Tag("env", "prod"), new Tag("team", "b"));
      tx(db, h -> {
        store.removeTag(h, a, "env");
        store.removeTag(h, a, "absent");
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.tags(h, a))).containsExactly(new Tag("team", "b"));
      tx(db, h -> {
        store.removeTags(h, a);
        return null;
      });
      assertThat(tx(db, (Handle h) -> store.tags(h, a))).isEmpty();
      assertThat(tx(db, (Handle h) -> store.tags(h, I1))).containsExactly(new Tag("owner", "x"));
    }
  }
}
