package io.gatehouse.server.assignments;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.iam.IamFeature;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.permissionsets.PermissionSetFeature;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * IAM Identity Center account assignments: the sso-admin operations that create, delete and list
 * them and report their asynchronous status, the {@link AssignmentRequests} other features use
 * (assignment rules), and the provisioning worker that makes each account's reserved roles match
 * the assignments (see docs/identity-center.md).
 *
 * <p>Wiring: construct, add {@link #api()} to the endpoint, {@link #start()} once the database is
 * migrated and {@link #stop()} before closing it. The constructor installs the guard that keeps a
 * permission set from being deleted while it is assigned or provisioned.
 */
public final class AssignmentFeature {
  /** Change-log topic of every assignment write. */
  public static final String TOPIC = "assignments";
  /**
   * Requests per provisioning transaction. Each committed batch makes every server reload its IAM
   * snapshot, so fewer, larger batches cost much less: 10,000 assignments took the worker 4.5 s of
   * CPU in batches of 5,000 and 8.1 s in batches of 1,000 (docs/benchmarks.md).
   */
  public static final int DEFAULT_BATCH_SIZE = 5000;
  /** How often the worker looks for requests made on other servers (and work left by a crash). */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

  private final Database db;
  private final AssignmentService service;
  private final ProvisioningWorker worker;

  /**
   * @param identityCenter and {@code iam}: the features provisioning builds on (it reads the
   *     instance and writes roles through {@code iam.ReservedRoles} in its own transactions)
   */
  public AssignmentFeature(Database db, Clock clock, IdentityCenterFeature identityCenter,
      PermissionSetFeature permissionSets, IamFeature iam) {
    this(db, clock, identityCenter, permissionSets, iam, DEFAULT_BATCH_SIZE, DEFAULT_POLL_INTERVAL);
  }

  /** With the worker's batch size and poll interval chosen (benchmarks, tests). */
  public AssignmentFeature(Database db, Clock clock, IdentityCenterFeature identityCenter,
      PermissionSetFeature permissionSets, IamFeature iam, int batchSize, Duration pollInterval) {
    Objects.requireNonNull(identityCenter, "identityCenter");
    Objects.requireNonNull(iam, "iam");
    this.db = db;
    ProvisioningWorker[] self = new ProvisioningWorker[1];
    this.service = new AssignmentService(db, clock, permissionSets.catalog(), () -> self[0].wake());
    this.worker = new ProvisioningWorker(db, new Provisioner(permissionSets.catalog(), clock), batchSize, pollInterval);
    self[0] = worker;
    permissionSets.setDeletionGuard(service::checkDeletable);
  }

  public ServiceApi api() {
    return new SsoAdminAssignmentsApi(service);
  }

  public AssignmentRequests requests() {
    return service;
  }

  /** Starts the provisioning worker, which first resumes whatever was left IN_PROGRESS. */
  public void start() {
    worker.start();
  }

  /** Stops the worker after its current batch. */
  public void stop() {
    worker.stop();
  }

  /** Provisions on the calling thread until no request is waiting; returns how many were completed (tests). */
  int provisionPending() {
    int total = 0;
    while (!idle()) {
      int n = worker.drainOnce();
      total += n;
      if (n == 0) Thread.onSpinWait(); // another worker holds the rest
    }
    return total;
  }

  /** Whether no request is waiting to be provisioned (on any server sharing the database). */
  public boolean idle() {
    return db.withHandle(h -> !new JdbcAssignmentStore(h).anyPending());
  }
}
