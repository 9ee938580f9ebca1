package io.gatehouse.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed scenario of docs/sts.md, built through the public APIs the way a user would (so moto
 * gets the same calls): the management root creates a Tooling and a Production account with
 * Organizations, reaches IAM in each through its OrganizationAccountAccessRole, creates in
 * Production a {@code DeployRole} trusting Tooling (allowed {@code iam:GetRole} and
 * {@code iam:ListRoles}) and in Tooling a user {@code deployer} allowed to assume it, with an
 * access key; then the deployer assumes DeployRole for 12 hours. The IAM/STS workloads sign as
 * these principals, so that once every call is authorized they measure authorized calls, not the
 * root's.
 */
final class SeedAccounts {
  static final String DEPLOY_ROLE = "DeployRole";
  private static final String ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128.";
  private static final int SESSION_SECONDS = 43_200;

  /**
   * @param deployer the Tooling user's long-term key (allowed sts:AssumeRole on DeployRole)
   * @param deploySession a DeployRole session (allowed iam:GetRole, iam:ListRoles in Production)
   */
  record Seed(String toolingAccountId, String productionAccountId, String deployRoleArn,
      SignedCall.Credentials deployer, SignedCall.Credentials deploySession) {}

  private final SignedClient client;
  private final String runPrefix;
  private final ObjectMapper json = new ObjectMapper();

  SeedAccounts(SignedClient client, String runPrefix) {
    this.client = client;
    this.runPrefix = runPrefix;
  }

  Seed create() {
    ensureOrganization();
    String tooling = createAccount("Tooling");
    String production = createAccount("Production");
    SignedCall.Credentials toolingAdmin = assumeAdmin(tooling);
    SignedCall.Credentials productionAdmin = assumeAdmin(production);

    String deployRoleArn = "arn:aws:iam::" + production + ":role/" + DEPLOY_ROLE;
    iam(productionAdmin, "CreateRole", form("RoleName", DEPLOY_ROLE, "MaxSessionDuration", "" + SESSION_SECONDS,
        "AssumeRolePolicyDocument", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},\
            "Action":"sts:AssumeRole"}]}""".formatted(tooling)));
    iam(productionAdmin, "PutRolePolicy", form("RoleName", DEPLOY_ROLE, "PolicyName", "read-roles", "PolicyDocument", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}]}"""));

    iam(toolingAdmin, "CreateUser", form("UserName", "deployer"));
    iam(toolingAdmin, "PutUserPolicy", form("UserName", "deployer", "PolicyName", "assume-deploy", "PolicyDocument", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"%s"}]}"""
        .formatted(deployRoleArn)));
    String keyXml = iam(toolingAdmin, "CreateAccessKey", form("UserName", "deployer"));
    SignedCall.Credentials deployer = new SignedCall.Credentials(element(keyXml, "AccessKeyId"),
        element(keyXml, "SecretAccessKey"), null);

    SignedCall.Credentials session = assume(deployer, deployRoleArn, runPrefix, SESSION_SECONDS);
    return new Seed(tooling, production, deployRoleArn, deployer, session);
  }

  /** The AssumeRole request the workload repeats (and the setup makes): query form, sts. */
  static SignedCall.Query assumeRoleCall(String roleArn, String sessionName, Integer durationSeconds) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Action", "AssumeRole");
    params.put("Version", "2011-06-15");
    params.put("RoleArn", roleArn);
    params.put("RoleSessionName", sessionName);
    if (durationSeconds != null) params.put("DurationSeconds", durationSeconds.toString());
    return SignedCall.Query.of("sts", encode(params));
  }

  static SignedCall.Query iamCall(String action, Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Action", action);
    all.put("Version", "2010-05-08");
    all.putAll(params);
    return SignedCall.Query.of("iam", encode(all));
  }

  private void ensureOrganization() {
    Reply reply = send("organizations DescribeOrganization", organizationsCall("DescribeOrganization", "{}"));
    if (reply.ok()) return;
    if (!reply.body().contains("AWSOrganizationsNotInUseException")) {
      throw new SetupFailedException("organizations DescribeOrganization", reply.status(), reply.body());
    }
    ok("organizations CreateOrganization", organizationsCall("CreateOrganization", "{\"FeatureSet\":\"ALL\"}"));
  }

  private String createAccount(String name) {
    String accountName = runPrefix + "-" + name;
    String body = json.createObjectNode().put("AccountName", accountName).put("Email", accountName + "@example.com")
        .toString();
    JsonNode status = parse(ok("organizations CreateAccount " + accountName, organizationsCall("CreateAccount", body)))
        .path("CreateAccountStatus");
    for (int attempt = 0; "IN_PROGRESS".equals(status.path("State").asText()) && attempt < 60; attempt++) {
      sleep(500);
      String describe = json.createObjectNode().put("CreateAccountRequestId", status.path("Id").asText()).toString();
      status = parse(ok("organizations DescribeCreateAccountStatus",
          organizationsCall("DescribeCreateAccountStatus", describe))).path("CreateAccountStatus");
    }
    String accountId = status.path("AccountId").asText("");
    if (!"SUCCEEDED".equals(status.path("State").asText()) || accountId.isEmpty()) {
      throw new SetupFailedException("organizations CreateAccount " + accountName, 200, status.toString());
    }
    return accountId;
  }

  /** Admin credentials in a member account, as on AWS: the management root assumes its access role. */
  private SignedCall.Credentials assumeAdmin(String accountId) {
    return assume(null, "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole", "bench-admin", null);
  }

  private SignedCall.Credentials assume(SignedCall.Credentials as, String roleArn, String sessionName, Integer duration) {
    SignedCall call = assumeRoleCall(roleArn, sessionName, duration);
    if (as != null) call = new SignedCall.As(call, as);
    // IAM is eventually consistent on AWS: a policy or key just written may take a moment to apply.
    Reply reply = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      reply = send("sts AssumeRole " + roleArn, call);
      if (reply.ok() || reply.status() != 403) break;
      sleep(250);
    }
    if (!reply.ok()) throw new SetupFailedException("sts AssumeRole " + roleArn, reply.status(), reply.body());
    String xml = reply.body();
    return new SignedCall.Credentials(element(xml, "AccessKeyId"), element(xml, "SecretAccessKey"),
        element(xml, "SessionToken"));
  }

  private String iam(SignedCall.Credentials as, String action, Map<String, String> params) {
    return ok("iam " + action, new SignedCall.As(iamCall(action, params), as));
  }

  private static SignedCall.Json organizationsCall(String operation, String body) {
    return new SignedCall.Json("organizations", ORGANIZATIONS_TARGET + operation, body.getBytes(StandardCharsets.UTF_8));
  }

  private String ok(String what, SignedCall call) {
    Reply reply = send(what, call);
    if (!reply.ok()) throw new SetupFailedException(what, reply.status(), reply.body());
    return reply.body();
  }

  private Reply send(String what, SignedCall call) {
    try {
      return client.send(call);
    } catch (IOException e) {
      throw new SetupFailedException(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupFailedException(what, e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new SetupFailedException("(unparseable answer)", 200, body);
    }
  }

  private static Map<String, String> form(String... keysAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) out.put(keysAndValues[i], keysAndValues[i + 1]);
    return out;
  }

  private static String encode(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> {
      if (!sb.isEmpty()) sb.append('&');
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
    });
    return sb.toString();
  }

  /** The text of the first {@code <name>} element: enough for the few fields the setup reads. */
  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    if (!m.find()) throw new SetupFailedException("reading <" + name + ">", 200, xml);
    return m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#x2F;", "/").replace("&#47;", "/");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupFailedException("setup", e);
    }
  }
}
