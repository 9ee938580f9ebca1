/**
 * AWS Organizations: one organization per Gatehouse database, with one root, up to five levels of
 * OUs, member accounts, and service and resource control policies.
 *
 * <p>Layers: {@code OrganizationsApi} (the wire operations, access of the caller) →
 * {@code StructureService}, {@code AccountService}, {@code PolicyService} (AWS's rules, one
 * transaction per write, each appending to the change log under topic {@code organizations}) →
 * {@code OrganizationStore} / {@code JdbcOrganizationStore} (rows only). Writers serialize on the
 * organization row, so a check made in a write (depth, counts, the last SCP) holds at its commit.
 *
 * <p>Public surface for the rest of the server: {@link io.gatehouse.server.organizations.OrganizationsFeature}
 * (API, bootstrap, the {@link io.gatehouse.server.organizations.OrganizationTree} read model for
 * the authorizer, and the {@link io.gatehouse.server.organizations.AccountCreatedListener} hook
 * that IAM uses to create {@code OrganizationAccountAccessRole} in new accounts).
 */
package io.gatehouse.server.organizations;
