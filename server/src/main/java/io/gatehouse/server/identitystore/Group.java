package io.gatehouse.server.identitystore;

import java.time.Instant;
import java.util.List;

/** A group of an identity store; the components are the model's {@code Group} shape (and DescribeGroup's output). */
public record Group(
    String groupId,
    String displayName,
    List<ExternalId> externalIds,
    String description,
    Instant createdAt,
    Instant updatedAt,
    String createdBy,
    String updatedBy,
    String identityStoreId) {}
