package io.gatehouse.bench.provisioning;

import io.gatehouse.server.assignments.AssignmentFeature;
import io.gatehouse.server.assignments.AssignmentRequests;
import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.awsprotocol.AwsEndpoint;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamFeature;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.OrganizationInfo;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.permissionsets.PermissionSetFeature;
import io.gatehouse.server.runtime.ChangeFeed;
import io.gatehouse.server.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast account assignments become roles: Gatehouse's features in this JVM, wired as the server
 * wires them (the provisioning worker, the change feed and IAM snapshot reloads on the topic
 * {@code iam}) on the embedded H2 database (or PostgreSQL). Setup creates member accounts, one
 * identity-store group and permission sets through the sso-admin, organizations and identitystore
 * APIs; then each round asks for accounts × sets assignments of the group (each its own role) and
 * measures until every request has SUCCEEDED and the IAM snapshot holds every role. A benchmark,
 * not a test; exit status 0 for a valid run, 2 if the result is wrong (a request not SUCCEEDED, a
 * role missing), 1 if setup failed.
 */
@Command(name = "ProvisioningBench", mixinStandardHelpOptions = true,
    description = "Provision accounts × sets assignments (one role each) and report the time to SUCCEEDED.")
public final class ProvisioningBench implements Callable<Integer> {
  private static final String ROLE_PATH = "/aws-reserved/sso.amazonaws.com/";

  @Option(names = "--accounts", defaultValue = "500", description = "member accounts (default ${DEFAULT-VALUE})")
  int accounts;

  @Option(names = "--sets", defaultValue = "20", description = "permission sets per round (default ${DEFAULT-VALUE})")
  int sets;

  @Option(names = "--rounds", defaultValue = "2", description = "rounds; all but the last warm up (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--via", defaultValue = "requests",
      description = "requests: AssignmentRequests.ensure in transactions of --request-batch (as a rule expands);"
          + " api: CreateAccountAssignment through the endpoint on --threads threads (default ${DEFAULT-VALUE})")
  String via;

  @Option(names = "--request-batch", defaultValue = "1000")
  int requestBatch;

  @Option(names = "--threads", defaultValue = "4")
  int threads;

  @Option(names = "--batch", defaultValue = "" + AssignmentFeature.DEFAULT_BATCH_SIZE,
      description = "requests per provisioning transaction (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--separate", description = "stop the worker while requesting, to time the two phases apart")
  boolean separate;

  @Option(names = "--database-url", description = "jdbc:postgresql://… (default: embedded H2 in a temporary directory)")
  String databaseUrl;

  @Option(names = "--database-user", defaultValue = "postgres")
  String databaseUser;

  @Option(names = "--database-password", defaultValue = "${env:PGPASSWORD}")
  String databasePassword;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ProvisioningBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("gatehouse-provisioning-bench-");
    Clock clock = Clock.systemUTC();
    try (Database db = databaseUrl == null ? Database.embedded(dir)
        : Database.open(databaseUrl, databaseUser, databasePassword);
        ChangeFeed feed = new ChangeFeed(db, Duration.ofSeconds(1))) {
      OrganizationsFeature orgs = new OrganizationsFeature(db, clock);
      IamFeature iam = new IamFeature(db, clock, new AccessKeys(db, Keyring.loadOrCreate(dir.resolve("keyring")), clock));
      orgs.addAccountCreatedListener(iam.accountCreatedListener());
      IdentityStoreFeature identityStore = new IdentityStoreFeature(db, clock);
      IdentityCenterFeature identityCenter = new IdentityCenterFeature(db, clock);
      PermissionSetFeature permissionSets = new PermissionSetFeature(db, clock, identityCenter);
      AssignmentFeature assignments = new AssignmentFeature(db, clock, identityCenter, permissionSets, iam, batch,
          AssignmentFeature.DEFAULT_POLL_INTERVAL);
      Object reloads = new Object();
      feed.subscribe("iam", () -> {
        synchronized (reloads) {
          iam.reload();
        }
      });
      feed.start();

      OrganizationInfo org = orgs.bootstrap("bench@example.com");
      String storeId = identityStore.bootstrap();
      String instance = identityCenter.bootstrap(org.managementAccountId(), storeId).instanceArn();
      Caller root = Caller.root(org.managementAccountId(), "AKIAIOSFODNN7EXAMPLE");
      InProcessCalls calls = new InProcessCalls(new AwsEndpoint(List.of(orgs.api(), identityStore.api(),
          permissionSets.api(), assignments.api()), (request, signingName) -> root, clock, 1 << 20));

      long setupStart = System.nanoTime();
      List<String> accountIds = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        String name = "bench-" + i;
        accountIds.add(calls.call("organizations", "CreateAccount", Map.of("AccountName", name,
            "Email", name + "@example.com")).path("CreateAccountStatus").path("AccountId").asText());
      }
      String group = calls.call("identitystore", "CreateGroup", Map.of("IdentityStoreId", storeId,
          "DisplayName", "Platform-Engineers")).path("GroupId").asText();
      iam.reload();
      assignments.start();
      System.out.printf("setup: %d accounts, 1 group in %.1f s%n", accounts, seconds(System.nanoTime() - setupStart));

      Result last = null;
      for (int round = 1; round <= rounds; round++) {
        List<String> setArns = createSets(calls, instance, round);
        List<AssignmentTarget> targets = new ArrayList<>();
        for (String set : setArns) {
          for (String account : accountIds) {
            targets.add(new AssignmentTarget(instance, set, PrincipalType.GROUP, group, account));
          }
        }
        last = round(db, iam, assignments, calls, targets, round);
        System.out.println(last.describe(round == rounds ? "measured" : "warm-up"));
        if (!last.valid()) return 2;
      }
      assignments.stop();
      long reloadStart = System.nanoTime();
      iam.reload();
      System.out.printf("one IAM snapshot reload with every role: %.2f s%n", seconds(System.nanoTime() - reloadStart));
      System.out.printf("RESULT {\"assignments\":%d,\"roles\":%d,\"via\":\"%s\",\"batch\":%d,\"database\":\"%s\","
              + "\"requested_s\":%.3f,\"succeeded_s\":%.3f,\"in_snapshot_s\":%.3f,\"per_second\":%.0f,"
              + "\"process_cpu_s\":%.3f,\"requester_cpu_s\":%.3f,\"worker_cpu_s\":%.3f,\"load\":\"%s\"}%n",
          last.assignments, last.roles, via, batch, db.dialect(), last.requested, last.succeeded, last.inSnapshot,
          last.assignments / last.succeeded, last.processCpu, last.requesterCpu, last.workerCpu, loadAverage());
      return 0;
    }
  }

  private List<String> createSets(InProcessCalls calls, String instance, int round) {
    List<String> arns = new ArrayList<>();
    for (int s = 0; s < sets; s++) {
      String arn = calls.call("sso-admin", "CreatePermissionSet", Map.of("InstanceArn", instance,
          "Name", "R" + round + "Set" + s, "SessionDuration", "PT4H")).path("PermissionSet").path("PermissionSetArn").asText();
      calls.call("sso-admin", "AttachManagedPolicyToPermissionSet", Map.of("InstanceArn", instance,
          "PermissionSetArn", arn, "ManagedPolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
      calls.call("sso-admin", "PutInlinePolicyToPermissionSet", Map.of("InstanceArn", instance, "PermissionSetArn", arn,
          "InlinePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
              + "\"Resource\":\"arn:aws:s3:::team-" + s + "/*\"}]}"));
      arns.add(arn);
    }
    return arns;
  }

  private Result round(Database db, IamFeature iam, AssignmentFeature assignments, InProcessCalls calls,
      List<AssignmentTarget> targets, int round) throws Exception {
    if (separate) assignments.stop();
    CpuClock cpu = new CpuClock();
    long start = System.nanoTime();
    if (via.equals("api")) {
      requestThroughApi(calls, targets);
    } else {
      AssignmentRequests requests = assignments.requests();
      for (int from = 0; from < targets.size(); from += requestBatch) {
        List<AssignmentTarget> chunk = targets.subList(from, Math.min(targets.size(), from + requestBatch));
        db.inTransaction(h -> {
          for (AssignmentTarget t : chunk) requests.ensure(h, t, "bench/round-" + round);
          return null;
        });
      }
    }
    long requested = System.nanoTime();
    if (separate) assignments.start();
    while (!assignments.idle()) Thread.sleep(5);
    long succeeded = System.nanoTime();
    List<String> roleArns = db.withHandle(h -> h.createQuery("SELECT 'arn:aws:iam::' || account_id || ':role"
            + ROLE_PATH + "' || name FROM iam_identity WHERE path = :p AND name LIKE :n")
        .bind("p", ROLE_PATH).bind("n", "AWSReservedSSO_R" + round + "Set%").mapTo(String.class).list());
    while (!inSnapshot(iam.snapshot(), roleArns)) Thread.sleep(5);
    long inSnapshot = System.nanoTime();
    double processCpu = cpu.processSeconds();
    double requesterCpu = cpu.threadSeconds("main");
    double workerCpu = cpu.threadSeconds("gatehouse-provisioning");
    // Requests of earlier rounds all succeeded (or the run stopped): this round's are the rest.
    int ok = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sso_operation WHERE kind = 'CREATE' "
        + "AND status = 'SUCCEEDED'").mapTo(Integer.class).one()) - (round - 1) * targets.size();
    return new Result(targets.size(), ok, roleArns.size(), seconds(requested - start), seconds(succeeded - start),
        seconds(inSnapshot - start), processCpu, requesterCpu, workerCpu);
  }

  private void requestThroughApi(InProcessCalls calls, List<AssignmentTarget> targets) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < targets.size(); ) {
          AssignmentTarget a = targets.get(i);
          calls.call("sso-admin", "CreateAccountAssignment", Map.of("InstanceArn", a.instanceArn(),
              "PermissionSetArn", a.permissionSetArn(), "PrincipalType", a.principalType().name(),
              "PrincipalId", a.principalId(), "TargetId", a.accountId(), "TargetType", "AWS_ACCOUNT"));
        }
        return null;
      }));
    }
    for (Future<?> w : workers) w.get();
    pool.shutdown();
  }

  private static boolean inSnapshot(IamSnapshot snapshot, List<String> roleArns) {
    for (String arn : roleArns) if (snapshot.role(arn).isEmpty()) return false;
    return true;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private record Result(int assignments, int succeededCount, int roles, double requested, double succeeded,
      double inSnapshot, double processCpu, double requesterCpu, double workerCpu) {
    boolean valid() {
      return succeededCount == assignments && roles == assignments;
    }

    String describe(String label) {
      return String.format("%s: %d assignments → %d SUCCEEDED, %d roles; requested in %.2f s, all SUCCEEDED after "
              + "%.2f s (%.0f/s), all roles in the IAM snapshot after %.2f s; CPU: process %.2f s, requesting thread "
          + "%.2f s, provisioning worker %.2f s (its commits' IAM snapshot reloads included); load %s", label,
          assignments, succeededCount, roles, requested, succeeded, assignments / succeeded, inSnapshot, processCpu,
          requesterCpu, workerCpu, loadAverage());
    }
  }
}
