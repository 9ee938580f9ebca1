package io.gatehouse.server.identitystore;

/** A role of a user, e.g. "Researcher". */
public record Role(String value, String type, Boolean primary) {}
