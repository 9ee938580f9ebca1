package io.gatehouse.server.identitystore;

/** The kinds of resource a {@link ResourceNotFound} names, as in the model's {@code ResourceType} enum. */
public enum ResourceType { GROUP, USER, IDENTITY_STORE, GROUP_MEMBERSHIP }
