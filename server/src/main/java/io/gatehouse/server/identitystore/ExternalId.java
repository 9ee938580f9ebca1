package io.gatehouse.server.identitystore;

/** An identifier an external identity provider (e.g. a SCIM client) issued for a user or group. */
public record ExternalId(String issuer, String id) {}
