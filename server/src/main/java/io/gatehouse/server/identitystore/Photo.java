package io.gatehouse.server.identitystore;

/** A photo of a user (data or URL); {@code value} is required. */
public record Photo(String value, String type, String display, Boolean primary) {}
