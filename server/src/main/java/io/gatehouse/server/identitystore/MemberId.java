package io.gatehouse.server.identitystore;

/** The member of a group: the model's {@code MemberId} union, whose only member today is a user. */
public record MemberId(String userId) {}
