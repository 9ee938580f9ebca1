package io.gatehouse.server.organizations;

/** A tag given when an OU, account or policy is created. */
record Tag(String key, String value) {}
