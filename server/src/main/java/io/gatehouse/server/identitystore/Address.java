package io.gatehouse.server.identitystore;

/** A postal address of a user. */
public record Address(
    String streetAddress, String locality, String region, String postalCode, String country, String formatted,
    String type, Boolean primary) {}
