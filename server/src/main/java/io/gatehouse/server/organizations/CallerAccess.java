package io.gatehouse.server.organizations;

import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.organizations.OrganizationsErrors.AWSOrganizationsNotInUseException;
import io.gatehouse.server.organizations.OrganizationsErrors.AccessDeniedException;

/**
 * Who may call the Organizations API: the management account for everything, member accounts for
 * DescribeOrganization only, accounts outside the organization for nothing (AWS answers them
 * AWSOrganizationsNotInUseException). IAM permissions come on top, from the policy engine.
 */
final class CallerAccess {
  private final OrganizationTransactions tx;
  /** The organization's id and management account never change once created, so they are cached. */
  private volatile Organization organization;

  CallerAccess(OrganizationTransactions tx) {
    this.tx = tx;
  }

  /** @return the organization, for building ARNs */
  Organization requireManagementAccount(RequestContext context) {
    Organization org = organization();
    String account = callerAccount(context);
    if (account.equals(org.managementAccountId())) return org;
    if (isMember(account)) throw new AccessDeniedException();
    throw new AWSOrganizationsNotInUseException();
  }

  Organization requireMember(RequestContext context) {
    Organization org = organization();
    String account = callerAccount(context);
    if (account.equals(org.managementAccountId()) || isMember(account)) return org;
    throw new AWSOrganizationsNotInUseException();
  }

  private Organization organization() {
    Organization org = organization;
    if (org == null) {
      org = tx.read(OrganizationTransactions::requireOrganization);
      organization = org;
    }
    return org;
  }

  private boolean isMember(String accountId) {
    return tx.read(store -> store.account(accountId).isPresent());
  }

  private static String callerAccount(RequestContext context) {
    Caller caller = context.caller();
    if (caller == null) throw new AccessDeniedException();
    return caller.accountId();
  }
}
