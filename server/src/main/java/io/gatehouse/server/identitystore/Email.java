package io.gatehouse.server.identitystore;

/** An email address of a user. {@code primary} is null when the client did not say. */
public record Email(String value, String type, Boolean primary) {}
