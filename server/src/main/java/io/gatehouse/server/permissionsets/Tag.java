package io.gatehouse.server.permissionsets;

/** A tag on an sso-admin resource (a permission set or the instance); also the wire shape {@code Tag}. */
record Tag(String key, String value) {}
