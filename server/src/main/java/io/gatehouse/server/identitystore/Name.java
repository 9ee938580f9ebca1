package io.gatehouse.server.identitystore;

/** The full name of a user (the model's {@code Name} shape). */
public record Name(
    String formatted, String familyName, String givenName, String middleName, String honorificPrefix,
    String honorificSuffix) {}
