package io.gatehouse.server.portal;

/**
 * One role a user may take: a permission set provisioned into an account, reached through an
 * assignment to the user or to one of the user's groups.
 *
 * @param roleName the reserved role's name ({@code AWSReservedSSO_<set>_<hex>}) in that account
 */
record Entitlement(String accountId, String accountName, String accountEmail, String permissionSetName,
    String permissionSetArn, String roleName) {}
