package io.gatehouse.server.iam;

/** A tag on a user or role; keys are unique per resource case-insensitively. */
record Tag(String key, String value) {}
