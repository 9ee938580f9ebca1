package io.gatehouse.server.identitystore;

/** One answer of IsMemberInGroups: the model's {@code GroupMembershipExistenceResult}. */
public record MembershipCheck(String groupId, MemberId memberId, Boolean membershipExists) {}
