package io.gatehouse.server.identitystore;

import java.time.Instant;

/** A user's membership of a group; the model's {@code GroupMembership} shape (and DescribeGroupMembership's output). */
public record GroupMembership(
    String identityStoreId,
    String membershipId,
    String groupId,
    MemberId memberId,
    Instant createdAt,
    Instant updatedAt,
    String createdBy,
    String updatedBy) {}
