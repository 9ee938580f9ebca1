package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Member accounts: creation, moves, closure. */
class AccountServiceTest {
  private final OrganizationsFixture f = new OrganizationsFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createAccountSucceedsAtOnceUnderTheRootWithFullAwsAccess() {
    AccountCreation c = f.accounts.createAccount("dev@example.com", "Dev", null, List.of(new Tag("team", "a")));
    assertThat(c.id()).matches("car-[a-z0-9]{8,32}");
    assertThat(c.state()).isEqualTo("SUCCEEDED");
    assertThat(c.accountId()).matches("\\d{12}").isNotEqualTo(f.info.managementAccountId());
    assertThat(c.requestedAt()).isEqualTo(f.clock.instant());
    assertThat(c.completedAt()).isEqualTo(f.clock.instant());
    assertThat(f.accounts.describeCreateAccountStatus(c.id())).isEqualTo(c);

    Account account = f.accounts.describeAccount(c.accountId());
    assertThat(account.name()).isEqualTo("Dev");
    assertThat(account.email()).isEqualTo("dev@example.com");
    assertThat(account.parentId()).isEqualTo(f.rootId());
    assertThat(account.joinedMethod()).isEqualTo("CREATED");
    assertThat(account.state(f.clock.instant())).isEqualTo("ACTIVE");
    assertThat(f.attachedIds(c.accountId(), "SERVICE_CONTROL_POLICY")).containsExactly("p-FullAWSAccess");
    List<Tag> tags = f.tx.read(s -> s.tags(c.accountId()));
    assertThat(tags).containsExactly(new Tag("team", "a"));
  }

  @Test
  void anEmailThatOwnsAnAccountFailsTheRequestAsAwsDoes() {
    f.account("Dev");
    AccountCreation failed = f.accounts.createAccount("DEV@example.com", "Dev again", null, List.of());
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failureReason()).isEqualTo("EMAIL_ALREADY_EXISTS");
    assertThat(failed.accountId()).isNull();
    assertThat(f.accounts.describeCreateAccountStatus(failed.id())).isEqualTo(failed);
    assertThat(f.accounts.listAccounts(Keyset.all()).items()).hasSize(2);
    assertThat(f.accounts.listCreateAccountStatus(Set.of("FAILED"), Keyset.all()).items()).containsExactly(failed);
    assertThat(f.accounts.listCreateAccountStatus(Set.of("SUCCEEDED"), Keyset.all()).items()).hasSize(1);
    assertThat(f.accounts.listCreateAccountStatus(Set.of(), Keyset.all()).items()).hasSize(2);
    // the management account's address is taken too
    assertThat(f.accounts.createAccount(OrganizationsFixture.MANAGEMENT_EMAIL, "x", null, List.of()).failureReason())
        .isEqualTo("EMAIL_ALREADY_EXISTS");
  }

  @Test
  void listenersRunInsideTheCreateAccountTransaction() {
    List<AccountCreatedListener.CreatedAccount> seen = new ArrayList<>();
    f.accounts.addListener((h, created) -> {
      seen.add(created);
      h.createUpdate("INSERT INTO settings(name, val) VALUES (:n, :v)")
          .bind("n", "role:" + created.accountId()).bind("v", created.roleName()).execute();
    });
    AccountCreation c = f.accounts.createAccount("ops@example.com", "Ops", null, List.of());
    assertThat(seen).singleElement().satisfies(e -> {
      assertThat(e.accountId()).isEqualTo(c.accountId());
      assertThat(e.roleName()).isEqualTo("OrganizationAccountAccessRole");
      assertThat(e.managementAccountId()).isEqualTo(f.info.managementAccountId());
      assertThat(e.organizationId()).isEqualTo(f.info.organizationId());
    });
    assertThat(setting("role:" + c.accountId())).isEqualTo(1);

    f.accounts.createAccount("ops2@example.com", "Ops2", "CustomAccess", List.of());
    assertThat(seen.get(1).roleName()).isEqualTo("CustomAccess");
  }

  @Test
  void aFailingListenerRollsTheAccountBack() {
    f.accounts.addListener((h, created) -> {
      throw new IllegalStateException("IAM is down");
    });
    assertThatThrownBy(() -> f.accounts.createAccount("ops@example.com", "Ops", null, List.of()))
        .hasMessage("IAM is down");
    assertThat(f.accounts.listAccounts(Keyset.all()).items()).hasSize(1);
    assertThat(f.accounts.listCreateAccountStatus(Set.of(), Keyset.all()).items()).isEmpty();
  }

  @Test
  void aRoleNameCannotUseTheServiceLinkedPrefix() {
    assertThatThrownBy(() -> f.accounts.createAccount("x@example.com", "X", "AWSServiceRoleForFoo", List.of()))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "INVALID_ROLE_NAME"));
  }

  @Test
  void tagsAreCheckedForDuplicatesSystemKeysAndCount() {
    assertThatThrownBy(() -> f.accounts.createAccount("x@example.com", "X", null, List.of(new Tag("a", "1"), new Tag("a", "2"))))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "DUPLICATE_TAG_KEY"));
    assertThatThrownBy(() -> f.accounts.createAccount("x@example.com", "X", null, List.of(new Tag("aws:owner", "1"))))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "INVALID_SYSTEM_TAGS_PARAMETER"));
    List<Tag> many = IntStream.range(0, 51).mapToObj(i -> new Tag("k" + i, "v")).toList();
    assertThatThrownBy(() -> f.accounts.createAccount("x@example.com", "X", null, many))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "MAX_TAG_LIMIT_EXCEEDED"));
  }

  @Test
  void unknownRequestsAndAccountsAreNotFound() {
    assertThatThrownBy(() -> f.accounts.describeCreateAccountStatus("car-00000000"))
        .isInstanceOf(OrganizationsErrors.CreateAccountStatusNotFoundException.class);
    assertThatThrownBy(() -> f.accounts.describeAccount("999999999999"))
        .isInstanceOf(OrganizationsErrors.AccountNotFoundException.class);
  }

  @Test
  void moveAccountChecksAccountSourceAndDestination() {
    String dev = f.account("Dev");
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    OrganizationalUnit web = f.ou(prod.id(), "Web");

    f.accounts.moveAccount(dev, f.rootId(), web.id());
    Account moved = f.accounts.describeAccount(dev);
    assertThat(moved.parentId()).isEqualTo(web.id());
    assertThat(moved.path(f.info.organizationId()))
        .isEqualTo(f.info.organizationId() + "/" + f.rootId() + "/" + prod.id() + "/" + web.id() + "/" + dev + "/");
    assertThat(f.accounts.listAccountsForParent(web.id(), Keyset.all()).items()).extracting(Account::id).containsExactly(dev);
    assertThat(f.accounts.listAccountsForParent(f.rootId(), Keyset.all()).items()).extracting(Account::id)
        .containsExactly(f.info.managementAccountId());

    assertThatThrownBy(() -> f.accounts.moveAccount(dev, web.id(), web.id()))
        .isInstanceOf(OrganizationsErrors.DuplicateAccountException.class);
    assertThatThrownBy(() -> f.accounts.moveAccount(dev, prod.id(), f.rootId()))
        .as("the source must be the account's parent").isInstanceOf(OrganizationsErrors.SourceParentNotFoundException.class);
    assertThatThrownBy(() -> f.accounts.moveAccount(dev, "ou-zzzz-zzzzzzzz", f.rootId()))
        .isInstanceOf(OrganizationsErrors.SourceParentNotFoundException.class);
    assertThatThrownBy(() -> f.accounts.moveAccount(dev, web.id(), "ou-zzzz-zzzzzzzz"))
        .isInstanceOf(OrganizationsErrors.DestinationParentNotFoundException.class);
    assertThatThrownBy(() -> f.accounts.moveAccount("999999999999", web.id(), f.rootId()))
        .isInstanceOf(OrganizationsErrors.AccountNotFoundException.class);
    assertThatThrownBy(() -> f.accounts.listAccountsForParent("ou-zzzz-zzzzzzzz", Keyset.all()))
        .isInstanceOf(OrganizationsErrors.ParentNotFoundException.class);
  }

  @Test
  void closeAccountSuspendsItAndAfterNinetyDaysItIsClosed() {
    String dev = f.account("Dev");
    f.accounts.closeAccount(dev);
    Account closed = f.accounts.describeAccount(dev);
    assertThat(closed.status()).isEqualTo(AccountStatus.SUSPENDED);
    assertThat(closed.state(f.clock.instant())).isEqualTo("SUSPENDED");
    assertThat(closed.closedAt()).isEqualTo(f.clock.instant());
    f.clock.advance(Duration.ofDays(90));
    assertThat(f.accounts.describeAccount(dev).state(f.clock.instant())).isEqualTo("CLOSED");

    assertThatThrownBy(() -> f.accounts.closeAccount(dev)).isInstanceOf(OrganizationsErrors.AccountAlreadyClosedException.class);
    assertThat(f.accounts.listAccounts(Keyset.all()).items()).extracting(Account::id).contains(dev);
  }

  @Test
  void theManagementAccountCannotBeClosed() {
    assertThatThrownBy(() -> f.accounts.closeAccount(f.info.managementAccountId()))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "CANNOT_CLOSE_MANAGEMENT_ACCOUNT"));
    assertThatThrownBy(() -> f.accounts.closeAccount("999999999999")).isInstanceOf(OrganizationsErrors.AccountNotFoundException.class);
  }

  @Test
  void listAccountsPagesInCreationOrder() {
    List<String> expected = new ArrayList<>(List.of(f.info.managementAccountId()));
    for (int i = 0; i < 4; i++) expected.add(f.account("A" + i));
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Slice<Account> page = f.accounts.listAccounts(Keyset.of(token, 2));
      page.items().forEach(a -> seen.add(a.id()));
      token = page.nextToken();
    } while (token != null);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  private long setting(String name) {
    return f.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM settings WHERE name = :n").bind("n", name)
        .mapTo(Long.class).one());
  }
}
