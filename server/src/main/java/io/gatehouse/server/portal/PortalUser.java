package io.gatehouse.server.portal;

/** An identity-store user as the portal sees one: who signs in, and whether they may. */
record PortalUser(String userId, String identityStoreId, String userName, boolean enabled) {}
