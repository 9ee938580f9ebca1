package io.gatehouse.server.identitystore;

/** The model's {@code AlternateIdentifier} union: exactly one of an external id or a unique attribute. */
public record AlternateIdentifier(ExternalId externalId, UniqueAttribute uniqueAttribute) {}
