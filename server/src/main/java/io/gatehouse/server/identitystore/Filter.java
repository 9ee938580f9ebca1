package io.gatehouse.server.identitystore;

/** The deprecated ListUsers/ListGroups filter: {@code UserName} or {@code DisplayName} equal to a value. */
public record Filter(String attributePath, String attributeValue) {}
