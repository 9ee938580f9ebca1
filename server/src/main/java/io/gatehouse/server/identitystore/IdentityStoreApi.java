package io.gatehouse.server.identitystore;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.identitystore.IdentityStoreShapes.*;

/** The 19 operations of AWS's identitystore API, each a thin translation onto {@link IdentityStoreService}. */
final class IdentityStoreApi implements ServiceApi {
  private final IdentityStoreService service;

  IdentityStoreApi(IdentityStoreService service) {
    this.service = service;
  }

  @Override
  public String service() {
    return "identitystore";
  }

  @Override
  public void register(OperationRegistry r) {
    r.add("CreateUser", CreateUserRequest.class, (c, in) -> {
      User u = service.createUser(in.identityStoreId(), in.attributes(), actor(c));
      return new CreateUserResponse(u.identityStoreId(), u.userId());
    });
    r.add("DescribeUser", DescribeUserRequest.class,
        (c, in) -> service.describeUser(in.identityStoreId(), in.userId(), in.extensions()));
    r.add("UpdateUser", UpdateUserRequest.class, (c, in) -> {
      service.updateUser(in.identityStoreId(), in.userId(), in.operations(), actor(c));
      return (Void) null;
    });
    r.add("DeleteUser", DeleteUserRequest.class, (c, in) -> {
      service.deleteUser(in.identityStoreId(), in.userId());
      return (Void) null;
    });
    r.add("ListUsers", ListUsersRequest.class, (c, in) -> {
      Page<User> p = service.listUsers(in.identityStoreId(), in.filters(), in.extensions(), in.maxResults(),
          in.nextToken());
      return new ListUsersResponse(p.items(), token(p));
    });
    r.add("GetUserId", GetUserIdRequest.class, (c, in) ->
        new GetUserIdResponse(in.identityStoreId(), service.getUserId(in.identityStoreId(), in.alternateIdentifier())));

    r.add("CreateGroup", CreateGroupRequest.class, (c, in) -> {
      Group g = service.createGroup(in.identityStoreId(), in.displayName(), in.description(), actor(c));
      return new CreateGroupResponse(g.groupId(), g.identityStoreId());
    });
    r.add("DescribeGroup", DescribeGroupRequest.class,
        (c, in) -> service.describeGroup(in.identityStoreId(), in.groupId()));
    r.add("UpdateGroup", UpdateGroupRequest.class, (c, in) -> {
      service.updateGroup(in.identityStoreId(), in.groupId(), in.operations(), actor(c));
      return (Void) null;
    });
    r.add("DeleteGroup", DeleteGroupRequest.class, (c, in) -> {
      service.deleteGroup(in.identityStoreId(), in.groupId());
      return (Void) null;
    });
    r.add("ListGroups", ListGroupsRequest.class, (c, in) -> {
      Page<Group> p = service.listGroups(in.identityStoreId(), in.filters(), in.maxResults(), in.nextToken());
      return new ListGroupsResponse(p.items(), token(p));
    });
    r.add("GetGroupId", GetGroupIdRequest.class, (c, in) ->
        new GetGroupIdResponse(service.getGroupId(in.identityStoreId(), in.alternateIdentifier()), in.identityStoreId()));

    r.add("CreateGroupMembership", CreateGroupMembershipRequest.class, (c, in) -> {
      GroupMembership m = service.createMembership(in.identityStoreId(), in.groupId(), in.memberId(), actor(c));
      return new CreateGroupMembershipResponse(m.membershipId(), m.identityStoreId());
    });
    r.add("DescribeGroupMembership", DescribeGroupMembershipRequest.class,
        (c, in) -> service.describeMembership(in.identityStoreId(), in.membershipId()));
    r.add("DeleteGroupMembership", DeleteGroupMembershipRequest.class, (c, in) -> {
      service.deleteMembership(in.identityStoreId(), in.membershipId());
      return (Void) null;
    });
    r.add("GetGroupMembershipId", GetGroupMembershipIdRequest.class, (c, in) -> new GetGroupMembershipIdResponse(
        service.getMembershipId(in.identityStoreId(), in.groupId(), in.memberId()), in.identityStoreId()));
    r.add("ListGroupMemberships", ListGroupMembershipsRequest.class, (c, in) -> {
      Page<GroupMembership> p = service.listMemberships(in.identityStoreId(), in.groupId(), in.maxResults(),
          in.nextToken());
      return new GroupMembershipsPage(p.items(), token(p));
    });
    r.add("ListGroupMembershipsForMember", ListGroupMembershipsForMemberRequest.class, (c, in) -> {
      Page<GroupMembership> p = service.listMembershipsForMember(in.identityStoreId(), in.memberId(),
          in.maxResults(), in.nextToken());
      return new GroupMembershipsPage(p.items(), token(p));
    });
    r.add("IsMemberInGroups", IsMemberInGroupsRequest.class, (c, in) -> new IsMemberInGroupsResponse(
        service.isMemberInGroups(in.identityStoreId(), in.memberId(), in.groupIds())));
  }

  private static String actor(RequestContext context) {
    return context.caller() == null ? null : context.caller().arn();
  }

  private static String token(Page<?> page) {
    return page.lastKey() == null ? null : PageToken.encode(page.lastKey());
  }
}
