package io.gatehouse.server.identitystore;

/** A phone number of a user. */
public record PhoneNumber(String value, String type, Boolean primary) {}
