package io.gatehouse.bench.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A kind of request the driver sends over and over. {@link #prepare} makes whatever the calls need
 * (outside the measured window) and returns the source of calls; call {@code n} of a run is
 * {@code source.call(n)}, with {@code n} unique across warm-up and measurement, so writes never
 * collide. To add a workload add a record here and a name in {@link #named}.
 */
sealed interface Workload {

  /** Makes call number {@code sequence}; must be thread-safe. */
  @FunctionalInterface
  interface CallSource {
    SignedCall call(long sequence);
  }

  String name();

  /** A line saying what one call does, for the report. */
  String describe();

  /** @param maxCalls the most calls the run will make (warm-up plus measurement) */
  CallSource prepare(IdentityStoreFixture fixture, long maxCalls);

  List<String> NAMES = List.of("CreateUser", "ListUsers", "CreateGroupMembership", "DescribeUser",
      "GetCallerIdentity", "SessionGetCallerIdentity", "GetRole", "AssumeRole");

  static Workload named(String name) {
    return switch (name) {
      case "CreateUser" -> new CreateUser();
      case "ListUsers" -> new ListUsers(100, 50);
      case "CreateGroupMembership" -> new CreateGroupMembership();
      case "DescribeUser" -> new DescribeUser();
      case "GetCallerIdentity" -> new GetCallerIdentity();
      case "SessionGetCallerIdentity" -> new SessionGetCallerIdentity();
      case "GetRole" -> new GetRole();
      case "AssumeRole" -> new AssumeRole();
      default -> throw new IllegalArgumentException(
          "unknown workload " + name + "; one of " + String.join(", ", NAMES));
    };
  }

  /** identitystore CreateUser: a new user (UserName, DisplayName, Name) per call. */
  record CreateUser() implements Workload {
    @Override
    public String name() {
      return "CreateUser";
    }

    @Override
    public String describe() {
      return "identitystore CreateUser, a new user per call (UserName, DisplayName, Name)";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      String prefix = fixture.runPrefix() + "-u";
      fixture.identityStoreId();
      return n -> fixture.identityStoreCall("CreateUser", fixture.userBody(prefix + n));
    }
  }

  /** identitystore ListUsers: the first page of {@code pageSize} from a store given {@code seedUsers} more users. */
  record ListUsers(int seedUsers, int pageSize) implements Workload {
    @Override
    public String name() {
      return "ListUsers";
    }

    @Override
    public String describe() {
      return "identitystore ListUsers MaxResults=" + pageSize + " (first page; " + seedUsers
          + " users created before the run)";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      String prefix = fixture.runPrefix() + "-l";
      fixture.inParallel(seedUsers, i -> fixture.createUser(prefix + i));
      ObjectNode body = fixture.request().put("MaxResults", pageSize);
      SignedCall call = fixture.identityStoreCall("ListUsers", body);
      return n -> call;
    }
  }

  /**
   * identitystore CreateGroupMembership: a new (group, user) pair per call, from groups × users
   * created before the run — about 2·√maxCalls creates.
   */
  record CreateGroupMembership() implements Workload {
    @Override
    public String name() {
      return "CreateGroupMembership";
    }

    @Override
    public String describe() {
      return "identitystore CreateGroupMembership, a new (group, user) pair per call";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      int groups = (int) Math.ceil(Math.sqrt(maxCalls));
      int users = (int) Math.ceil((double) maxCalls / groups);
      String prefix = fixture.runPrefix();
      List<String> groupIds = fixture.inParallel(groups, i -> fixture.createGroup(prefix + "-g" + i));
      List<String> userIds = fixture.inParallel(users, i -> fixture.createUser(prefix + "-m" + i));
      return n -> {
        // Walk users within a group first: consecutive calls hit different users of one group.
        String groupId = groupIds.get((int) (n / users));
        String userId = userIds.get((int) (n % users));
        ObjectNode body = fixture.request().put("GroupId", groupId);
        body.putObject("MemberId").put("UserId", userId);
        return fixture.identityStoreCall("CreateGroupMembership", body);
      };
    }
  }

  /** identitystore DescribeUser of one existing user: a simple signed read. */
  record DescribeUser() implements Workload {
    @Override
    public String name() {
      return "DescribeUser";
    }

    @Override
    public String describe() {
      return "identitystore DescribeUser of one user created before the run";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      String userId = fixture.createUser(fixture.runPrefix() + "-d");
      SignedCall call = fixture.identityStoreCall("DescribeUser", fixture.request().put("UserId", userId));
      return n -> call;
    }
  }

  /** sts GetCallerIdentity (query protocol): the cheapest signed call there is. */
  record GetCallerIdentity() implements Workload {
    @Override
    public String name() {
      return "GetCallerIdentity";
    }

    @Override
    public String describe() {
      return "sts GetCallerIdentity (query protocol)";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      SignedCall call = SignedCall.Query.of("sts", "Action=GetCallerIdentity&Version=2011-06-15");
      return n -> call;
    }
  }

  /** sts GetCallerIdentity signed by a role session (DeployRole in Production): token verified and decoded. */
  record SessionGetCallerIdentity() implements Workload {
    @Override
    public String name() {
      return "SessionGetCallerIdentity";
    }

    @Override
    public String describe() {
      return "sts GetCallerIdentity signed by a DeployRole session (ASIA key + session token) of the seed scenario";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      SeedAccounts.Seed seed = new SeedAccounts(fixture.client(), fixture.runPrefix()).create();
      SignedCall call = new SignedCall.As(SignedCall.Query.of("sts", "Action=GetCallerIdentity&Version=2011-06-15"),
          seed.deploySession());
      return n -> call;
    }
  }

  /**
   * iam GetRole of DeployRole, signed by a DeployRole session whose role policy allows
   * iam:GetRole: an authorized read in a member account (not the root's).
   */
  record GetRole() implements Workload {
    @Override
    public String name() {
      return "GetRole";
    }

    @Override
    public String describe() {
      return "iam GetRole DeployRole, signed by a DeployRole session allowed iam:GetRole (seed scenario, Production)";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      SeedAccounts.Seed seed = new SeedAccounts(fixture.client(), fixture.runPrefix()).create();
      SignedCall call = new SignedCall.As(
          SeedAccounts.iamCall("GetRole", java.util.Map.of("RoleName", SeedAccounts.DEPLOY_ROLE)), seed.deploySession());
      return n -> call;
    }
  }

  /**
   * sts AssumeRole across accounts: Tooling's user {@code deployer} (allowed sts:AssumeRole on it)
   * assumes Production's DeployRole (trusting Tooling): both sides evaluated, a sealed session issued.
   */
  record AssumeRole() implements Workload {
    private static final int SESSION_NAMES = 1000;

    @Override
    public String name() {
      return "AssumeRole";
    }

    @Override
    public String describe() {
      return "sts AssumeRole Tooling user -> Production DeployRole (cross-account, trust + identity policy)";
    }

    @Override
    public CallSource prepare(IdentityStoreFixture fixture, long maxCalls) {
      SeedAccounts.Seed seed = new SeedAccounts(fixture.client(), fixture.runPrefix()).create();
      SignedCall[] calls = new SignedCall[SESSION_NAMES];
      for (int i = 0; i < SESSION_NAMES; i++) {
        calls[i] = new SignedCall.As(SeedAccounts.assumeRoleCall(seed.deployRoleArn(), "release-" + i, null),
            seed.deployer());
      }
      return n -> calls[(int) (n % SESSION_NAMES)];
    }
  }
}
