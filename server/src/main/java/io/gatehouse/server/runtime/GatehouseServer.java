package io.gatehouse.server.runtime;

import io.gatehouse.server.assignmentrules.AssignmentRulesFeature;
import io.gatehouse.server.assignments.AssignmentFeature;
import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.authz.Enforcement;
import io.gatehouse.server.authz.OperationCatalog;
import io.gatehouse.server.awsprotocol.AwsEndpoint;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.bootstrap.Bootstrap;
import io.gatehouse.server.bootstrap.RootCredentials;
import io.gatehouse.server.bootstrap.RootCredentialsFile;
import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamFeature;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.permissionsets.PermissionSetFeature;
import io.gatehouse.server.portal.PortalFeature;
import io.gatehouse.server.portal.PortalSettings;
import io.gatehouse.server.portal.PortalWeb;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.sts.StsFeature;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gatehouse server: an HTTP listener (Javalin on Jetty, virtual threads) whose every route
 * goes to the {@link AwsEndpoint}, over the database, the features and the change feed.
 *
 * <p>It listens first and answers 503 until bootstrap is done, then {@code GET /health} turns 200.
 * {@link #stop()} is graceful: stop accepting, let requests in flight finish (up to the configured
 * grace), then close the listener, the change feed and the database.
 */
public final class GatehouseServer {
  private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);
  private static final Logger REQUESTS = LoggerFactory.getLogger("gatehouse.request");
  private static final byte[] HEALTH_OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEALTH_STARTING = "{\"status\":\"starting\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEALTH_STOPPING = "{\"status\":\"stopping\"}".getBytes(StandardCharsets.UTF_8);

  private final ServerConfig config;
  private final Clock clock;
  private final Supplier<Database> databaseFactory;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile State state = State.NEW;
  private volatile AwsEndpoint endpoint;
  private volatile PortalWeb portalWeb;
  private volatile Javalin http;
  private Database db;
  private ChangeFeed changeFeed;
  private AccessKeys accessKeys;
  private IamFeature iam;
  private AssignmentFeature assignments;
  private Bootstrap.Result bootstrap;

  private enum State { NEW, STARTING, READY, STOPPING, STOPPED }

  /** A server on the database that {@code config} names (embedded H2 in the data dir by default). */
  public GatehouseServer(ServerConfig config, Clock clock) {
    this(config, clock, () -> openDatabase(config));
  }

  /** A server on a database the caller provides (tests: in-memory H2, a fresh PostgreSQL schema). */
  public GatehouseServer(ServerConfig config, Clock clock, Supplier<Database> databaseFactory) {
    this.config = config;
    this.clock = clock;
    this.databaseFactory = databaseFactory;
  }

  static Database openDatabase(ServerConfig config) {
    return config.embeddedDatabase()
        ? Database.embedded(config.dataDir())
        : Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword().value());
  }

  /** Listens, bootstraps, and returns once the server is ready; on failure releases everything and throws. */
  public synchronized GatehouseServer start() {
    if (state != State.NEW) throw new IllegalStateException("server already started");
    state = State.STARTING;
    try {
      Files.createDirectories(config.dataDir());
      http = Javalin.create(cfg -> {
        cfg.startup.showJavalinBanner = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.router.ignoreTrailingSlashes = false;
        // AWS answers are small JSON/XML documents that SDKs do not ask to compress.
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        cfg.routes.get("/health", this::health);
        for (HandlerType method : HandlerType.values()) {
          if (!method.isHttpMethod()) continue;
          cfg.routes.addHttpHandler(method, "/", this::dispatch);
          cfg.routes.addHttpHandler(method, "/<path>", this::dispatch);
        }
        cfg.routes.exception(Exception.class, (e, ctx) -> {
          LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
          ctx.status(500).contentType("application/json").result("{\"message\":\"internal error\"}");
        });
      }).start(config.bind(), config.port());
      LOG.info("listening on http://{}:{} (starting)", config.bind(), http.port());

      db = databaseFactory.get();
      Keyring keyring = Keyring.loadOrCreate(config.keyringPath());
      accessKeys = new AccessKeys(db, keyring, clock);
      changeFeed = new ChangeFeed(db, config.changePollInterval());
      changeFeed.subscribe(AccessKeys.TOPIC, accessKeys::reload);
      changeFeed.start();

      OrganizationsFeature organizations = new OrganizationsFeature(db, clock);
      iam = new IamFeature(db, clock, accessKeys);
      organizations.addAccountCreatedListener(iam.accountCreatedListener());
      changeFeed.subscribe("iam", iam::reload); // IamFeature serializes its reloads
      StsFeature sts = new StsFeature(clock, keyring, iam::snapshot, organizations::tree);
      changeFeed.subscribe("organizations", sts::reloadOrganization);
      IdentityStoreFeature identityStore = new IdentityStoreFeature(db, clock);
      changeFeed.subscribe(IdentityStoreFeature.CHANGE_TOPIC, identityStore::changed); // other servers' writes
      IdentityCenterFeature identityCenter = new IdentityCenterFeature(db, clock);
      PermissionSetFeature permissionSets = new PermissionSetFeature(db, clock, identityCenter);
      assignments = new AssignmentFeature(db, clock, identityCenter, permissionSets, iam);
      AssignmentRulesFeature rules = new AssignmentRulesFeature(db, clock, organizations, identityStore,
          assignments.requests(), (h, instance, set) -> permissionSets.catalog().find(h, instance, set).isPresent());
      organizations.addAccountCreatedListener(rules.accountCreatedListener());
      organizations.addAccountMovedListener(rules.accountMovedListener());
      changeFeed.subscribe(OrganizationsFeature.CHANGE_TOPIC, rules::expand); // tags, closures, other servers' writes
      PortalFeature portal = new PortalFeature(db, clock, keyring, PortalSettings.of(config), () -> bootstrap.instance(),
          iam::snapshot, sts::issueRoleSession);
      bootstrap = new Bootstrap(config, db, organizations, identityStore, identityCenter, accessKeys).run();
      accessKeys.reload();
      accessKeys.startFlushing(AccessKeys.LAST_USED_FLUSH_INTERVAL);
      iam.reload();
      sts.reloadOrganization();
      announce(bootstrap.rootCredentials());
      rules.expand(); // catches up with organization changes made while no server ran

      List<ServiceApi> apis = new ArrayList<>(List.of(identityStore.api(), organizations.api(), identityCenter.api(),
          permissionSets.api(), assignments.api(), iam.api(), sts.api(), rules.api()));
      apis.addAll(portal.apis());
      endpoint = new AwsEndpoint(apis,
          accessKeys.authenticatorWith(List.of(sts.credentialResolver())),
          new Enforcement(OperationCatalog.load(), sts.callerPolicies()),
          clock, config.maxBodyBytes());
      portalWeb = portal.web();
      assignments.start();
      state = State.READY;
      LOG.info("Gatehouse ready on http://{}:{}", config.bind(), http.port());
      return this;
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** The port listened on (the real one when configured as 0). */
  public int port() {
    if (http == null) throw new IllegalStateException("server not started");
    return http.port();
  }

  public boolean ready() {
    return state == State.READY;
  }

  /** The organization, identity store, instance and root key found or created at start. */
  public Bootstrap.Result bootstrap() {
    if (bootstrap == null) throw new IllegalStateException("server not bootstrapped");
    return bootstrap;
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops gracefully; safe to call more than once and from a shutdown hook. */
  public void stop() {
    synchronized (this) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return;
      }
      state = State.STOPPING;
    }
    try {
      if (http != null) {
        for (Connector connector : http.jettyServer().server().getConnectors()) {
          if (connector instanceof Graceful graceful) graceful.shutdown();
        }
        awaitInFlight();
        http.stop();
      }
    } catch (RuntimeException e) {
      LOG.warn("error while stopping the listener: {}", e.toString());
    } finally {
      if (assignments != null) assignments.stop();
      if (accessKeys != null) accessKeys.stopFlushing(); // before the database closes: keep the last uses
      if (changeFeed != null) changeFeed.close();
      if (db != null) db.close();
      state = State.STOPPED;
      LOG.info("Gatehouse stopped");
      stopped.countDown();
    }
  }

  private void awaitInFlight() {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (inFlight.get() > 0) LOG.warn("stopping with {} requests still in flight", inFlight.get());
  }

  private void health(Context ctx) {
    State s = state;
    ctx.contentType("application/json");
    switch (s) {
      case READY -> ctx.status(200).result(HEALTH_OK);
      case NEW, STARTING -> ctx.status(503).result(HEALTH_STARTING);
      case STOPPING, STOPPED -> ctx.status(503).result(HEALTH_STOPPING);
    }
  }

  private void dispatch(Context ctx) {
    long started = System.nanoTime();
    inFlight.incrementAndGet();
    try {
      if (state != State.READY) {
        // AWS SDKs and the CLI retry a 503 with backoff, which is what a client should do here.
        ctx.status(503).header("Retry-After", "1").contentType("application/json")
            .result("{\"__type\":\"ServiceUnavailableException\",\"message\":\"the server is not ready\"}");
        return;
      }
      HttpRequestData request;
      try {
        request = HttpBridge.request(ctx, config.maxBodyBytes());
      } catch (IOException e) {
        // The client went away or sent a broken body: nothing for the endpoint to answer.
        LOG.debug("cannot read request body: {}", e.toString());
        ctx.status(400).contentType("application/json").result("{\"message\":\"the request body could not be read\"}");
        return;
      }
      // the portal's pages (/start, /login, /device, ...) beside the AWS APIs on the same listener
      HttpResponseData response = PortalWeb.serves(request.rawPath()) ? portalWeb.handle(request) : endpoint.handle(request);
      try {
        HttpBridge.respond(ctx, response);
      } catch (IOException e) {
        LOG.debug("cannot write the response: {}", e.toString()); // the client went away
      }
      if (REQUESTS.isInfoEnabled()) {
        REQUESTS.info("request_id={} method={} path={} target={} status={} in_bytes={} out_bytes={} micros={}",
            response.headers().get("x-amzn-RequestId"), request.method(), request.rawPath(),
            request.header("x-amz-target"), response.status(), request.body().length,
            response.body() == null ? 0 : response.body().length, (System.nanoTime() - started) / 1000);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void announce(RootCredentials root) {
    switch (root.origin()) {
      case GENERATED -> System.out.println(RootCredentialsFile.announcement(config.rootCredentialsPath(), root));
      case CONFIGURED -> LOG.info("root access key {} from the configuration", root.accessKeyId());
      case EXISTING -> {
        if (Files.exists(config.rootCredentialsPath())) {
          LOG.info("root access key {} (generated at first start; see {})", root.accessKeyId(), config.rootCredentialsPath());
        } else {
          LOG.info("root access key {} was generated at first start; its secret is in the root-credentials"
              + " file of the server that first started", root.accessKeyId());
        }
      }
    }
  }

  /** IAM of every account, with the snapshot the authorizer reads. */
  public IamFeature iam() {
    if (iam == null) throw new IllegalStateException("server not started");
    return iam;
  }

  /** Account assignments and their provisioning worker. */
  public AssignmentFeature assignments() {
    if (assignments == null) throw new IllegalStateException("server not started");
    return assignments;
  }

  /** This server's access keys, for tests in this package that change them behind the API. */
  AccessKeys accessKeys() {
    return accessKeys;
  }
}
