package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;

/** Organizations' CreateAccount gives the new member account its access role, as AWS does. */
class OrganizationAccountAccessRoleTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  @Test
  void createAccountCreatesTheRoleTrustingTheManagementAccount() {
    OrganizationsClient orgs = server.client(OrganizationsClient.builder());
    var status = orgs.createAccount(b -> b.email("member@example.com").accountName("member")).createAccountStatus();
    // Gatehouse creates accounts synchronously: the role exists when CreateAccount answers.
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    String accountId = status.accountId();

    // The snapshot follows the commit on this server at once (change-log topic iam).
    String roleArn = "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole";
    IamSnapshot snapshot = server.server().iam().snapshot();
    IamSnapshot.RoleTrust trust = snapshot.role(roleArn).orElseThrow();
    assertThat(trust.trustPolicy()).contains("\"AWS\":\"arn:aws:iam::" + server.managementAccountId() + ":root\"",
        "sts:AssumeRole");
    assertThat(trust.maxSessionDuration()).isEqualTo(3600);
    assertThat(snapshot.principal(roleArn).orElseThrow().identityPolicies()).singleElement()
        .satisfies(p -> assertThat(p.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess"));

    // A role name of the caller's choosing.
    var named = orgs.createAccount(b -> b.email("second@example.com").accountName("second").roleName("Break-Glass"))
        .createAccountStatus();
    String second = named.accountId();
    assertThat(server.server().iam().snapshot().role("arn:aws:iam::" + second + ":role/Break-Glass")).isPresent();
    // The management account's own IAM is untouched.
    assertThat(server.server().iam().snapshot().role("arn:aws:iam::" + server.managementAccountId()
        + ":role/OrganizationAccountAccessRole")).isEmpty();
  }
}
