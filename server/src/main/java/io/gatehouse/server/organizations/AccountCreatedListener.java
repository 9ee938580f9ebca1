package io.gatehouse.server.organizations;

import org.jdbi.v3.core.Handle;

/**
 * Told of every account CreateAccount makes, inside CreateAccount's transaction: IAM uses it to
 * create the role that lets the management account in ({@code OrganizationAccountAccessRole} unless
 * the request named another). An exception rolls the whole CreateAccount back.
 */
@FunctionalInterface
public interface AccountCreatedListener {
  /**
   * @param handle the open transaction; write through it so the account and its role commit together
   */
  void accountCreated(Handle handle, CreatedAccount account);

  /**
   * @param accountId the new member account
   * @param roleName the role to create in it, trusting {@code managementAccountId}, with AdministratorAccess
   * @param managementAccountId the organization's management account
   * @param organizationId the organization, {@code o-…}
   */
  record CreatedAccount(String accountId, String accountName, String email, String roleName,
      String managementAccountId, String organizationId) {}
}
