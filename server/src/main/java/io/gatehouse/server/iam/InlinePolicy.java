package io.gatehouse.server.iam;

/** A policy embedded in one user, group or role, known by its name there. */
record InlinePolicy(String name, String document) {}
