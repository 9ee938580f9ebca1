package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The request and response shapes of identitystore's operations that are not domain records
 * already ({@link User}, {@link Group} and {@link GroupMembership} are the Describe outputs).
 * Component names are the model's member names with the first letter lower-cased. Public only
 * because the protocol layer binds them reflectively.
 */
public final class IdentityStoreShapes {
  private IdentityStoreShapes() {}

  // users
  public record CreateUserRequest(
      String identityStoreId, String userName, Name name, String displayName, String nickName, String profileUrl,
      List<Email> emails, List<Address> addresses, List<PhoneNumber> phoneNumbers, String userType, String title,
      String preferredLanguage, String locale, String timezone, List<Photo> photos, String website,
      String birthdate, List<Role> roles, Map<String, JsonNode> extensions) {
    UserAttributes attributes() {
      return new UserAttributes(userName, name, displayName, nickName, profileUrl, emails, addresses, phoneNumbers,
          userType, title, preferredLanguage, locale, timezone, photos, website, birthdate, roles, extensions);
    }
  }

  public record CreateUserResponse(String identityStoreId, String userId) {}

  public record DescribeUserRequest(String identityStoreId, String userId, List<String> extensions) {}

  public record UpdateUserRequest(String identityStoreId, String userId, List<AttributeOperation> operations) {}

  public record DeleteUserRequest(String identityStoreId, String userId) {}

  public record ListUsersRequest(
      String identityStoreId, List<String> extensions, Integer maxResults, String nextToken, List<Filter> filters) {}

  public record ListUsersResponse(List<User> users, String nextToken) {}

  public record GetUserIdRequest(String identityStoreId, AlternateIdentifier alternateIdentifier) {}

  public record GetUserIdResponse(String identityStoreId, String userId) {}

  // groups
  public record CreateGroupRequest(String identityStoreId, String displayName, String description) {}

  public record CreateGroupResponse(String groupId, String identityStoreId) {}

  public record DescribeGroupRequest(String identityStoreId, String groupId) {}

  public record UpdateGroupRequest(String identityStoreId, String groupId, List<AttributeOperation> operations) {}

  public record DeleteGroupRequest(String identityStoreId, String groupId) {}

  public record ListGroupsRequest(String identityStoreId, Integer maxResults, String nextToken, List<Filter> filters) {}

  public record ListGroupsResponse(List<Group> groups, String nextToken) {}

  public record GetGroupIdRequest(String identityStoreId, AlternateIdentifier alternateIdentifier) {}

  public record GetGroupIdResponse(String groupId, String identityStoreId) {}

  // memberships
  public record CreateGroupMembershipRequest(String identityStoreId, String groupId, MemberId memberId) {}

  public record CreateGroupMembershipResponse(String membershipId, String identityStoreId) {}

  public record DescribeGroupMembershipRequest(String identityStoreId, String membershipId) {}

  public record DeleteGroupMembershipRequest(String identityStoreId, String membershipId) {}

  public record GetGroupMembershipIdRequest(String identityStoreId, String groupId, MemberId memberId) {}

  public record GetGroupMembershipIdResponse(String membershipId, String identityStoreId) {}

  public record ListGroupMembershipsRequest(
      String identityStoreId, String groupId, Integer maxResults, String nextToken) {}

  public record ListGroupMembershipsForMemberRequest(
      String identityStoreId, MemberId memberId, Integer maxResults, String nextToken) {}

  /** The output of both ListGroupMemberships and ListGroupMembershipsForMember. */
  public record GroupMembershipsPage(List<GroupMembership> groupMemberships, String nextToken) {}

  public record IsMemberInGroupsRequest(String identityStoreId, MemberId memberId, List<String> groupIds) {}

  public record IsMemberInGroupsResponse(List<MembershipCheck> results) {}
}
