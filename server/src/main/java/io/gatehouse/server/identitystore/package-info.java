/**
 * The identity store: AWS's {@code identitystore} API (users, groups, group memberships) for the
 * organization's one store, {@code d-} + 10 hex digits.
 *
 * <p>{@link io.gatehouse.server.identitystore.IdentityStoreApi} binds the 19 operations to
 * {@link io.gatehouse.server.identitystore.IdentityStoreService}, which holds the rules (required
 * attributes, UpdateUser's attribute paths, not-found and conflict errors) and runs every write in
 * one transaction that appends to the change log topic {@code identitystore}. The
 * {@link io.gatehouse.server.identitystore.IdentityStoreStore} keeps the data; its JDBC
 * implementation enforces uniqueness (UserName and email, case-insensitively; group DisplayName;
 * one membership per group and user) with database constraints, so it holds across servers.
 * Other features read through {@link io.gatehouse.server.identitystore.IdentityStoreFeature}.
 */
package io.gatehouse.server.identitystore;
