package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.storage.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store's contract, run on every backend (H2 and PostgreSQL). */
class OrganizationStoreContractTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private static final String ALL = "io.gatehouse.server.testing.TestDatabases#all";

  private static <R> R inTx(Database db, Function<OrganizationStore, R> work) {
    return db.inTransaction(h -> work.apply(new JdbcOrganizationStore(h)));
  }

  /** An organization with root r-ab12 and management account 111111111111. */
  private static Database seeded(Supplier<Database> backend) {
    Database db = backend.get();
    inTx(db, s -> {
      assertThat(s.insertOrganization(new Organization("o-abcdefghij", FeatureSet.ALL, "111111111111", T0))).isTrue();
      for (Policy p : ManagedPolicies.all()) s.upsertManagedPolicy(p);
      s.insertRoot(new Root("r-ab12", "o-abcdefghij", "Root", Set.of(OrganizationPolicyType.SERVICE_CONTROL_POLICY)));
      s.insertAccount(account("111111111111", "mgmt@example.com", "r-ab12"));
      return null;
    });
    return db;
  }

  private static Account account(String id, String email, String parent) {
    return new Account(id, "name-" + id, email, parent, AccountStatus.ACTIVE, "CREATED", T0, null, null);
  }

  private static OrganizationalUnit ou(String id, String parent, String name, int depth, String lineage) {
    return new OrganizationalUnit(id, "r-ab12", parent, name, depth, lineage, T0);
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void organizationAndRootRoundTrip(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        assertThat(s.organization()).contains(new Organization("o-abcdefghij", FeatureSet.ALL, "111111111111", T0));
        Root root = s.root("r-ab12").orElseThrow();
        assertThat(root.enabledPolicyTypes()).containsExactly(OrganizationPolicyType.SERVICE_CONTROL_POLICY);
        assertThat(s.roots(Keyset.all()).items()).containsExactly(root);
        assertThat(s.root("r-zzzz")).isEmpty();
        s.enablePolicyType("r-ab12", OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
        s.disablePolicyType("r-ab12", OrganizationPolicyType.SERVICE_CONTROL_POLICY);
        assertThat(s.root("r-ab12").orElseThrow().enabledPolicyTypes())
            .containsExactly(OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void aSecondOrganizationIsRefused(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      // On PostgreSQL the failed insert aborts the transaction: the store reports it, the caller rolls back.
      boolean inserted = db.inTransaction(h -> {
        boolean ok = new JdbcOrganizationStore(h).insertOrganization(new Organization("o-0123456789", FeatureSet.ALL, "222222222222", T0));
        h.rollback();
        return ok;
      });
      assertThat(inserted).isFalse();
      assertThat(inTx(db, OrganizationStore::organization)).map(Organization::id).contains("o-abcdefghij");
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void instantsSurviveAsUtc(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      Instant precise = Instant.parse("2026-07-01T23:59:58.123456Z");
      inTx(db, s -> {
        s.insertAccountCreation(new AccountCreation("car-0001", "x", "SUCCEEDED", precise, precise, "222222222222", null));
        return null;
      });
      AccountCreation read = inTx(db, s -> s.accountCreation("car-0001")).orElseThrow();
      assertThat(read.requestedAt()).isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void organizationalUnitsNestAndRename(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        s.insertOrganizationalUnit(ou("ou-ab12-aaaaaaaa", "r-ab12", "Prod", 1, "r-ab12/ou-ab12-aaaaaaaa"));
        s.insertOrganizationalUnit(ou("ou-ab12-bbbbbbbb", "ou-ab12-aaaaaaaa", "Web", 2, "r-ab12/ou-ab12-aaaaaaaa/ou-ab12-bbbbbbbb"));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.organizationalUnit("ou-ab12-bbbbbbbb").orElseThrow().depth()).isEqualTo(2);
        assertThat(s.organizationalUnitByName("r-ab12", "Prod")).map(OrganizationalUnit::id).contains("ou-ab12-aaaaaaaa");
        assertThat(s.organizationalUnitByName("r-ab12", "Web")).isEmpty();
        assertThat(s.hasChildren("ou-ab12-aaaaaaaa")).isTrue();
        assertThat(s.hasChildren("ou-ab12-bbbbbbbb")).isFalse();
        assertThat(s.countOrganizationalUnits()).isEqualTo(2);
        s.renameOrganizationalUnit("ou-ab12-bbbbbbbb", "Api");
        assertThat(s.organizationalUnit("ou-ab12-bbbbbbbb").orElseThrow().name()).isEqualTo("Api");
        s.deleteOrganizationalUnit("ou-ab12-bbbbbbbb");
        assertThat(s.organizationalUnit("ou-ab12-bbbbbbbb")).isEmpty();
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void ouNamesAreUniquePerParent(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        s.insertOrganizationalUnit(ou("ou-ab12-aaaaaaaa", "r-ab12", "Prod", 1, "r-ab12/ou-ab12-aaaaaaaa"));
        return null;
      });
      assertThatThrownBy(() -> inTx(db, s -> {
        s.insertOrganizationalUnit(ou("ou-ab12-cccccccc", "r-ab12", "Prod", 1, "r-ab12/ou-ab12-cccccccc"));
        return null;
      })).isInstanceOf(JdbiException.class);
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void accountsCarryTheirParentsLineageAndMove(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        s.insertOrganizationalUnit(ou("ou-ab12-aaaaaaaa", "r-ab12", "Prod", 1, "r-ab12/ou-ab12-aaaaaaaa"));
        s.insertAccount(account("222222222222", "Dev@Example.com", "r-ab12"));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.account("222222222222").orElseThrow().path("o-abcdefghij"))
            .isEqualTo("o-abcdefghij/r-ab12/222222222222/");
        assertThat(s.emailInUse("dev@example.COM")).isTrue();
        assertThat(s.emailInUse("other@example.com")).isFalse();
        s.moveAccount("222222222222", "ou-ab12-aaaaaaaa");
        Account moved = s.account("222222222222").orElseThrow();
        assertThat(moved.parentId()).isEqualTo("ou-ab12-aaaaaaaa");
        assertThat(moved.path("o-abcdefghij")).isEqualTo("o-abcdefghij/r-ab12/ou-ab12-aaaaaaaa/222222222222/");
        assertThat(moved.email()).isEqualTo("Dev@Example.com");
        s.updateAccountStatus("222222222222", AccountStatus.SUSPENDED, T0.plusSeconds(60));
        Account closed = s.account("222222222222").orElseThrow();
        assertThat(closed.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(s.countAccounts()).isEqualTo(2);
        assertThat(s.accountsForParent("ou-ab12-aaaaaaaa", Keyset.all()).items()).extracting(Account::id)
            .containsExactly("222222222222");
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void emailsAreUniqueIgnoringCase(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      assertThatThrownBy(() -> inTx(db, s -> {
        s.insertAccount(account("333333333333", "MGMT@example.com", "r-ab12"));
        return null;
      })).isInstanceOf(JdbiException.class);
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void keysetPagesCoverEveryRowOnceInCreationOrder(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      List<String> created = new ArrayList<>();
      created.add("111111111111");
      inTx(db, s -> {
        for (int i = 0; i < 7; i++) {
          String id = "20000000000" + i;
          s.insertAccount(account(id, "a" + i + "@example.com", "r-ab12"));
          created.add(id);
        }
        return null;
      });
      List<String> seen = new ArrayList<>();
      Keyset page = new Keyset(0, 3);
      int pages = 0;
      while (true) {
        Keyset current = page;
        Slice<Account> slice = inTx(db, s -> s.accounts(current));
        pages++;
        slice.items().forEach(a -> seen.add(a.id()));
        if (slice.nextAfterSeq() == null) break;
        page = new Keyset(slice.nextAfterSeq(), 3);
      }
      assertThat(seen).containsExactlyElementsOf(created);
      assertThat(pages).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void accountCreationsFilterByState(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        s.insertAccountCreation(new AccountCreation("car-0001", "a", "SUCCEEDED", T0, T0, "222222222222", null));
        s.insertAccountCreation(new AccountCreation("car-0002", "b", "FAILED", T0, T0, null, "EMAIL_ALREADY_EXISTS"));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.accountCreations(Set.of(), Keyset.all()).items()).extracting(AccountCreation::id)
            .containsExactly("car-0001", "car-0002");
        assertThat(s.accountCreations(Set.of("FAILED"), Keyset.all()).items()).singleElement()
            .satisfies(c -> assertThat(c.failureReason()).isEqualTo("EMAIL_ALREADY_EXISTS"));
        assertThat(s.accountCreation("car-9999")).isEmpty();
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void policiesAndAttachments(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      String big = "{\"Version\":\"2012-10-17\",\"Statement\":[" + "x".repeat(5000) + "]}";
      Policy deny = new Policy("p-aaaaaaaa", OrganizationPolicyType.SERVICE_CONTROL_POLICY, "DenyAll", "d", big, false);
      inTx(db, s -> {
        s.insertPolicy(deny);
        s.attach(new PolicyAttachment("p-FullAWSAccess", OrganizationPolicyType.SERVICE_CONTROL_POLICY, "r-ab12", TargetType.ROOT));
        s.attach(new PolicyAttachment("p-aaaaaaaa", OrganizationPolicyType.SERVICE_CONTROL_POLICY, "r-ab12", TargetType.ROOT));
        s.attach(new PolicyAttachment("p-aaaaaaaa", OrganizationPolicyType.SERVICE_CONTROL_POLICY, "111111111111", TargetType.ACCOUNT));
        s.insertTags("p-aaaaaaaa", List.of(new Tag("team", "sec"), new Tag("env", "")));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.policy("p-aaaaaaaa")).contains(deny);
        assertThat(s.policyByName(OrganizationPolicyType.SERVICE_CONTROL_POLICY, "DenyAll")).contains(deny);
        assertThat(s.policyByName(OrganizationPolicyType.RESOURCE_CONTROL_POLICY, "DenyAll")).isEmpty();
        assertThat(s.policies(OrganizationPolicyType.SERVICE_CONTROL_POLICY, Keyset.all()).items())
            .extracting(Policy::id).containsExactly("p-FullAWSAccess", "p-aaaaaaaa");
        assertThat(s.countCustomerPolicies(OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isEqualTo(1);
        assertThat(s.countAttached("r-ab12", OrganizationPolicyType.SERVICE_CONTROL_POLICY)).isEqualTo(2);
        assertThat(s.countAttached("r-ab12", OrganizationPolicyType.RESOURCE_CONTROL_POLICY)).isZero();
        assertThat(s.attached("p-aaaaaaaa", "111111111111")).isTrue();
        assertThat(s.policiesForTarget("r-ab12", OrganizationPolicyType.SERVICE_CONTROL_POLICY, Keyset.all()).items())
            .extracting(Policy::id).containsExactly("p-FullAWSAccess", "p-aaaaaaaa");
        assertThat(s.targetsForPolicy("p-aaaaaaaa", Keyset.all()).items()).extracting(PolicyAttachment::targetId)
            .containsExactly("r-ab12", "111111111111");
        assertThat(s.allAttachments()).hasSize(3);
        assertThat(s.tags("p-aaaaaaaa")).containsExactly(new Tag("env", ""), new Tag("team", "sec"));

        s.detach("p-aaaaaaaa", "r-ab12");
        assertThat(s.attached("p-aaaaaaaa", "r-ab12")).isFalse();
        assertThat(s.policyInUse("p-aaaaaaaa")).isTrue();
        s.detachAllFromTarget("111111111111");
        assertThat(s.policyInUse("p-aaaaaaaa")).isFalse();
        s.updatePolicy(deny.updated("DenyMost", "e", "{}"));
        assertThat(s.policy("p-aaaaaaaa").orElseThrow().name()).isEqualTo("DenyMost");
        s.deletePolicy("p-aaaaaaaa");
        assertThat(s.policy("p-aaaaaaaa")).isEmpty();
        assertThat(s.tags("p-aaaaaaaa")).isEmpty();
        s.detachAllOfType(OrganizationPolicyType.SERVICE_CONTROL_POLICY);
        assertThat(s.allAttachments()).isEmpty();
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(ALL)
  void managedPoliciesAreRefreshedNotDuplicated(Supplier<Database> backend) {
    try (Database db = seeded(backend)) {
      inTx(db, s -> {
        for (Policy p : ManagedPolicies.all()) s.upsertManagedPolicy(p);
        return null;
      });
      inTx(db, s -> {
        Policy full = s.policy("p-FullAWSAccess").orElseThrow();
        assertThat(full.awsManaged()).isTrue();
        assertThat(full.content()).contains("\"Action\": \"*\"");
        assertThat(s.policies(OrganizationPolicyType.RESOURCE_CONTROL_POLICY, Keyset.all()).items())
            .extracting(Policy::id).containsExactly("p-RCPFullAWSAccess");
        return null;
      });
    }
  }
}
