package io.gatehouse.server.iam;

import java.time.Instant;

/** One version of a managed policy's document. */
record PolicyVersion(String versionId, String document, Instant createdAt) {}
