package io.gatehouse.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * What the identitystore workloads need before they run: the store's id (found the way clients
 * find it, with sso-admin ListInstances, unless given), and users and groups created up front.
 * Names carry a per-run prefix so runs against the same server never collide.
 */
final class IdentityStoreFixture {

  static final String TARGET_PREFIX = "AWSIdentityStore.";

  private final SignedClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final String runPrefix;
  private final int setupThreads;
  private String identityStoreId;

  IdentityStoreFixture(SignedClient client, String runPrefix, String identityStoreId, int setupThreads) {
    this.client = client;
    this.runPrefix = runPrefix;
    this.identityStoreId = identityStoreId;
    this.setupThreads = setupThreads;
  }

  String runPrefix() {
    return runPrefix;
  }

  /** The driver's client (signing with the root key unless a call says otherwise). */
  SignedClient client() {
    return client;
  }

  synchronized String identityStoreId() {
    if (identityStoreId == null) {
      JsonNode instances = call("sso-admin ListInstances",
          new SignedCall.Json("sso", "SWBExternalService.ListInstances", "{}".getBytes()))
          .path("Instances");
      if (instances.isEmpty() || instances.get(0).path("IdentityStoreId").asText("").isEmpty()) {
        throw new SetupFailedException("sso-admin ListInstances (no instance with an IdentityStoreId)", 200,
            instances.toString());
      }
      identityStoreId = instances.get(0).path("IdentityStoreId").asText();
    }
    return identityStoreId;
  }

  ObjectNode request() {
    return json.createObjectNode().put("IdentityStoreId", identityStoreId());
  }

  SignedCall.Json identityStoreCall(String operation, ObjectNode body) {
    try {
      return new SignedCall.Json("identitystore", TARGET_PREFIX + operation, json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a request body", e);
    }
  }

  ObjectNode userBody(String userName) {
    ObjectNode body = request().put("UserName", userName).put("DisplayName", "Bench " + userName);
    body.putObject("Name").put("GivenName", "Bench").put("FamilyName", userName);
    return body;
  }

  String createUser(String userName) {
    return call("CreateUser " + userName, identityStoreCall("CreateUser", userBody(userName)))
        .path("UserId").asText();
  }

  String createGroup(String displayName) {
    return call("CreateGroup " + displayName,
        identityStoreCall("CreateGroup", request().put("DisplayName", displayName)))
        .path("GroupId").asText();
  }

  /** Runs {@code count} setup calls on a few threads; results in index order. */
  List<String> inParallel(int count, IntFunction<String> create) {
    ExecutorService pool = Executors.newFixedThreadPool(setupThreads);
    try {
      List<Future<String>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> create.apply(index)));
      }
      List<String> ids = new ArrayList<>(count);
      for (Future<String> f : futures) {
        ids.add(f.get());
      }
      return ids;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof SetupFailedException failed) {
        throw failed;
      }
      throw new SetupFailedException("setup", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupFailedException("setup", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonNode call(String what, SignedCall call) {
    Reply reply;
    try {
      reply = client.send(call);
    } catch (IOException e) {
      throw new SetupFailedException(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupFailedException(what, e);
    }
    if (!reply.ok()) {
      throw new SetupFailedException(what, reply.status(), reply.body());
    }
    try {
      return json.readTree(reply.body());
    } catch (IOException e) {
      throw new SetupFailedException(what + " (unparseable answer)", reply.status(), reply.body());
    }
  }
}
