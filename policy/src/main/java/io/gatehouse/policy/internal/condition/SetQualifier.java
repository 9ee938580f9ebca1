package io.gatehouse.policy.internal.condition;

/** How a condition treats a request key with several values. */
public enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }
