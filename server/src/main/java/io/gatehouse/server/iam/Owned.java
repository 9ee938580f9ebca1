package io.gatehouse.server.iam;

/** A value that belongs to one identity (a tag, an inline policy, an attachment, a membership), in bulk reads. */
record Owned<T>(String identityId, T value) {}
