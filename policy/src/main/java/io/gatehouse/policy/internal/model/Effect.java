package io.gatehouse.policy.internal.model;

/** A statement's effect. */
public enum Effect { ALLOW, DENY }
