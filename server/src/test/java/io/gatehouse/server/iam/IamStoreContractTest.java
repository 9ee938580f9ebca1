package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract for {@link JdbcIamStore}, run on H2 and on PostgreSQL. */
class IamStoreContractTest {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final Instant T = Instant.parse("2026-05-01T12:34:56Z");

  static Identity identity(IdentityKind kind, String id, String account, String name) {
    return new Identity(kind, id, account, name, "/", null, kind == IdentityKind.ROLE ? "{}" : null,
        kind == IdentityKind.ROLE ? 3600 : null, null, T);
  }

  private static <R> R inTx(Database db, java.util.function.Function<IamStore, R> work) {
    return db.inTransaction(h -> work.apply(new JdbcIamStore(h)));
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void identitiesByNameCaseInsensitivelyPerAccountAndKind(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      inTx(db, s -> {
        s.lockAccount(A);
        s.insertIdentity(identity(IdentityKind.ROLE, "AROA1", A, "Deploy"));
        s.insertIdentity(identity(IdentityKind.USER, "AIDA1", A, "deploy"));
        s.insertIdentity(identity(IdentityKind.ROLE, "AROA2", B, "Deploy"));
        s.insertIdentity(identity(IdentityKind.ROLE, "AROA3", A, "alpha"));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.identity(A, IdentityKind.ROLE, "DEPLOY")).hasValueSatisfying(i -> {
          assertThat(i.id()).isEqualTo("AROA1");
          assertThat(i.createdAt()).isEqualTo(T);
          assertThat(i.maxSessionDuration()).isEqualTo(3600);
        });
        assertThat(s.identity(B, IdentityKind.USER, "deploy")).isEmpty();
        assertThat(s.identities(A, IdentityKind.ROLE)).extracting(Identity::name).containsExactly("alpha", "Deploy");
        assertThat(s.countIdentities(A, IdentityKind.ROLE)).isEqualTo(2);
        assertThat(s.allIdentities()).hasSize(4);
        Identity renamed = s.identityById("AIDA1").orElseThrow().withName("Renamed", "/x/");
        s.updateIdentity(renamed);
        assertThat(s.identity(A, IdentityKind.USER, "renamed").orElseThrow().path()).isEqualTo("/x/");
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void childrenGoWithTheirIdentity(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      inTx(db, s -> {
        s.lockAccount(A);
        s.insertIdentity(identity(IdentityKind.USER, "AIDA1", A, "u"));
        s.insertIdentity(identity(IdentityKind.GROUP, "AGPA1", A, "g"));
        s.insertIdentity(new Identity(IdentityKind.ROLE, "AROA9", A, "bounded", "/", null, "{}", 3600,
            "arn:aws:iam::aws:policy/PowerUserAccess", T));
        s.putTag("AIDA1", new Tag("Team", "a"));
        s.putTag("AIDA1", new Tag("team", "b"));
        s.putInlinePolicy("AIDA1", new InlinePolicy("P", "{\"a\":1}"));
        s.putInlinePolicy("AIDA1", new InlinePolicy("p", "{\"a\":2}"));
        assertThat(s.addMember("AGPA1", "AIDA1")).isTrue();
        assertThat(s.addMember("AGPA1", "AIDA1")).isFalse();
        assertThat(s.attach("AIDA1", "arn:aws:iam::aws:policy/ReadOnlyAccess", T)).isTrue();
        assertThat(s.attach("AIDA1", "arn:aws:iam::aws:policy/ReadOnlyAccess", T)).isFalse();
        s.putLoginProfile(new LoginProfile("AIDA1", "hash", true, T));
        return null;
      });
      inTx(db, s -> {
        assertThat(s.tags("AIDA1")).containsExactly(new Tag("team", "b"));
        assertThat(s.inlinePolicies("AIDA1")).containsExactly(new InlinePolicy("p", "{\"a\":2}"));
        assertThat(s.groupIdsOf("AIDA1")).containsExactly("AGPA1");
        assertThat(s.allTags()).containsExactly(new Owned<>("AIDA1", new Tag("team", "b")));
        assertThat(s.allInlinePolicies()).containsExactly(new Owned<>("AIDA1", new InlinePolicy("p", "{\"a\":2}")));
        assertThat(s.allMemberships()).containsExactly(new Owned<>("AIDA1", "AGPA1"));
        assertThat(s.allAttachments()).containsExactly(new Owned<>("AIDA1", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertThat(s.memberIdsOf("AGPA1")).containsExactly("AIDA1");
        assertThat(s.attachmentCount(A, "arn:aws:iam::aws:policy/ReadOnlyAccess")).isEqualTo(1);
        assertThat(s.attachmentCount(B, "arn:aws:iam::aws:policy/ReadOnlyAccess")).isZero();
        assertThat(s.attachmentCounts(A)).containsExactly(java.util.Map.entry("arn:aws:iam::aws:policy/ReadOnlyAccess", 1));
        assertThat(s.attachmentCounts(B)).isEmpty();
        assertThat(s.boundaryUsageCounts(A)).containsExactly(java.util.Map.entry("arn:aws:iam::aws:policy/PowerUserAccess", 1));
        assertThat(s.boundaryUsageCount(A, "arn:aws:iam::aws:policy/PowerUserAccess")).isEqualTo(1);
        assertThat(s.loginProfile("AIDA1")).hasValueSatisfying(p -> assertThat(p.passwordResetRequired()).isTrue());
        s.deleteIdentity("AIDA1");
        return null;
      });
      inTx(db, s -> {
        assertThat(s.tags("AIDA1")).isEmpty();
        assertThat(s.inlinePolicies("AIDA1")).isEmpty();
        assertThat(s.memberIdsOf("AGPA1")).isEmpty();
        assertThat(s.allAttachments()).isEmpty();
        assertThat(s.loginProfile("AIDA1")).isEmpty();
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void policiesVersionsSettingsAndAliases(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      String bigDocument = "{\"Statement\":\"" + "x".repeat(20_000) + "\"}";
      inTx(db, s -> {
        s.lockAccount(A);
        s.lockAccount(B);
        s.insertPolicy(new ManagedPolicy("ANPA1", A, "Reader", "/team/", "d", "v1", 2, T, T));
        s.insertVersion("ANPA1", new PolicyVersion("v1", "{}", T));
        s.insertVersion("ANPA1", new PolicyVersion("v2", bigDocument, T.plus(1, ChronoUnit.SECONDS)));
        s.updatePolicy(new ManagedPolicy("ANPA1", A, "Reader", "/team/", "d", "v2", 3, T, T.plusSeconds(1)));
        s.putPolicyTag("ANPA1", new Tag("Env", "dev"));
        s.putPolicyTag("ANPA1", new Tag("env", "prod"));
        s.putPasswordPolicy(A, new PasswordPolicy(12, true, false, true, false, true, 90, 5, false));
        s.setAlias(A, "acme");
        return null;
      });
      inTx(db, s -> {
        ManagedPolicy p = s.policy(A, "reader").orElseThrow();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::" + A + ":policy/team/Reader");
        assertThat(p.defaultVersion()).isEqualTo("v2");
        assertThat(p.nextVersion()).isEqualTo(3);
        assertThat(s.version("ANPA1", "v2").orElseThrow().document()).isEqualTo(bigDocument);
        assertThat(s.versions("ANPA1")).extracting(PolicyVersion::versionId).containsExactly("v2", "v1");
        assertThat(s.policy(B, "reader")).isEmpty();
        assertThat(s.policyTags("ANPA1")).containsExactly(new Tag("env", "prod"));
        assertThat(s.passwordPolicy(A)).contains(new PasswordPolicy(12, true, false, true, false, true, 90, 5, false));
        assertThat(s.passwordPolicy(B)).isEmpty();
        assertThat(s.alias(A)).contains("acme");
        assertThat(s.aliasOwner("acme")).contains(A);
        assertThat(s.deleteVersion("ANPA1", "v1")).isTrue();
        s.deletePolicy("ANPA1");
        s.setAlias(A, null);
        return null;
      });
      inTx(db, s -> {
        assertThat(s.policies(A)).isEmpty();
        assertThat(s.policyTags("ANPA1")).isEmpty();
        assertThat(s.alias(A)).isEmpty();
        assertThat(s.deletePasswordPolicy(A)).isTrue();
        assertThat(s.passwordPolicy(A)).isEmpty();
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void snapshotLoadsOnEveryBackend(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      inTx(db, s -> {
        s.lockAccount(A);
        s.insertIdentity(identity(IdentityKind.ROLE, "AROA1", A, "r"));
        s.attach("AROA1", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", T);
        return null;
      });
      IamSnapshot snapshot = inTx(db, IamSnapshot::load);
      assertThat(snapshot.principal("arn:aws:iam::" + A + ":role/r").orElseThrow().identityPolicies())
          .extracting(IamSnapshot.PolicyDocument::name).containsExactly("ViewOnlyAccess");
      assertThat(List.copyOf(snapshot.principals().keySet())).containsExactly("arn:aws:iam::" + A + ":role/r");
    }
  }
}
