package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.auth.Authenticator;
import io.gatehouse.server.core.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support for features: calls operations in-process through the whole protocol path
 * (route → decode → validate → bind → invoke → encode → error mapping) without HTTP or SigV4.
 * Every request is treated as signed by {@link #caller()} (the root of {@link #ACCOUNT_ID} unless set).
 *
 * <pre>{@code
 * InProcessAws aws = new InProcessAws(feature.api());
 * InProcessAws.Response r = aws.json("identitystore", "CreateUser", Map.of("IdentityStoreId", id, "UserName", "alice"));
 * assertThat(r.status()).isEqualTo(200);
 * String userId = r.json().get("UserId").asText();
 * aws.query("iam", "GetUser", Map.of("UserName", "bob")).errorCode();   // "NoSuchEntity"
 * }</pre>
 */
public final class InProcessAws {
  public static final String ACCOUNT_ID = "123456789012";
  public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
  private static final Map<String, String> TARGET_PREFIX = Map.of(
      "identitystore", "AWSIdentityStore", "sso-admin", "SWBExternalService", "organizations", "AWSOrganizationsV20161128",
      "gatehouse", "GatehouseAdmin_20261123");
  private static final Map<String, String> SIGNING_NAME = Map.of(
      "identitystore", "identitystore", "sso-admin", "sso", "organizations", "organizations", "iam", "iam", "sts", "sts");
  private static final Map<String, String> QUERY_VERSION = Map.of("iam", "2010-05-08", "sts", "2011-06-15");
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private final AwsEndpoint endpoint;
  private volatile Caller caller = Caller.root(ACCOUNT_ID, ACCESS_KEY_ID);

  public InProcessAws(ServiceApi... apis) {
    this(List.of(apis), Clock.systemUTC());
  }

  public InProcessAws(List<ServiceApi> apis, Clock clock) {
    Authenticator trusting = (request, signingName) -> caller;
    this.endpoint = new AwsEndpoint(apis, trusting, clock, 1 << 20);
  }

  public Caller caller() {
    return caller;
  }

  /** Makes every following request come from {@code caller}. */
  public InProcessAws as(Caller newCaller) {
    this.caller = newCaller;
    return this;
  }

  /**
   * A JSON 1.1 call (identitystore, sso-admin, organizations). {@code input} is JSON text sent as is,
   * or a record, Map or JsonNode written with the model's member names (matched ignoring case, so a
   * record with {@code userName} becomes {@code "UserName"}), as an SDK would.
   */
  public Response json(String service, String operation, Object input) {
    String body = input instanceof String s ? s : wireJson(service, operation, input).toString();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-amz-target", List.of(TARGET_PREFIX.get(service) + "." + operation));
    headers.put("content-type", List.of("application/x-amz-json-1.1"));
    headers.put("authorization", List.of(authorization(service)));
    return send(new HttpRequestData("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
  }

  /**
   * A query call (iam, sts) from a record, Map or JsonNode: flattened as an SDK does
   * ({@code Tags.member.1.Key}, {@code Attrs.entry.1.key}, {@code A.B}).
   */
  public Response query(String service, String action, Object input) {
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode tree = wireJson(service, action, input);
    Shape shape = ServiceModels.standard().service(service).operation(action).input();
    if (shape != null) flatten(shape, tree, "", params);
    return query(service, action, params);
  }

  /** A query call (iam, sts): {@code params} are the wire parameters besides Action and Version ({@code Tags.member.1.Key}). */
  public Response query(String service, String action, Map<String, String> params) {
    StringBuilder form = new StringBuilder("Action=").append(encode(action)).append("&Version=").append(QUERY_VERSION.get(service));
    params.forEach((k, v) -> form.append('&').append(encode(k)).append('=').append(encode(v)));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    headers.put("authorization", List.of(authorization(service)));
    return send(new HttpRequestData("POST", "/", "", headers, form.toString().getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
  }

  /** A rest-json call (sso, sso-oidc): {@code pathAndQuery} as sent, e.g. {@code /assignment/accounts?max_result=10}. */
  public Response rest(String method, String pathAndQuery, Map<String, String> headers, String body) {
    int q = pathAndQuery.indexOf('?');
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.of(v)));
    if (body != null && !body.isEmpty()) h.putIfAbsent("content-type", List.of("application/json"));
    return send(new HttpRequestData(
        method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), q < 0 ? "" : pathAndQuery.substring(q + 1), h,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
  }

  public Response send(HttpRequestData request) {
    HttpResponseData r = endpoint.handle(request);
    return new Response(r.status(), r.headers(), new String(r.body(), StandardCharsets.UTF_8));
  }

  public AwsEndpoint endpoint() {
    return endpoint;
  }

  private static JsonNode wireJson(String service, String operation, Object input) {
    ServiceModel model = ServiceModels.standard().service(service);
    OperationModel op = model == null ? null : model.operation(operation);
    if (op == null) throw new IllegalArgumentException(service + " has no operation " + operation);
    if (input == null || op.input() == null) return MAPPER.createObjectNode();
    JsonNode tree = OutputTree.of(input, op.input());
    return tree == null ? MAPPER.createObjectNode() : tree;
  }

  private static void flatten(Shape shape, JsonNode node, String prefix, Map<String, String> out) {
    switch (shape.type) {
      case STRUCTURE -> shape.members.values().forEach(m -> {
        JsonNode v = node.get(m.name());
        if (v != null && !v.isNull()) flatten(m.shape(), v, prefix.isEmpty() ? m.wireName() : prefix + "." + m.wireName(), out);
      });
      case LIST -> {
        if (node.isEmpty()) out.put(prefix, "");
        for (int i = 0; i < node.size(); i++) flatten(shape.listMember.shape(), node.get(i), prefix + (shape.flattened ? "." : ".member.") + (i + 1), out);
      }
      case MAP -> {
        int i = 1;
        for (var it = node.fields(); it.hasNext(); i++) {
          var e = it.next();
          out.put(prefix + ".entry." + i + ".key", e.getKey());
          flatten(shape.mapValue.shape(), e.getValue(), prefix + ".entry." + i + ".value", out);
        }
      }
      case TIMESTAMP -> out.put(prefix, Timestamps.iso(Timestamps.fromNode(node)));
      default -> out.put(prefix, node.isTextual() ? node.textValue() : node.toString());
    }
  }

  private static String authorization(String service) {
    return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/20260101/us-east-1/" + SIGNING_NAME.getOrDefault(service, service)
        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A response as the client sees it. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** The body as JSON (JSON and rest-json protocols). */
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    /** The error code a client would see: {@code x-amzn-ErrorType}, or the query XML's {@code <Code>}; null on success. */
    public String errorCode() {
      if (status < 300) return null;
      String header = headers.get("x-amzn-ErrorType");
      if (header != null) return header;
      Matcher m = XML_CODE.matcher(body);
      return m.find() ? m.group(1) : null;
    }

    /** The text of every {@code <name>} element of an XML body, in order. */
    public List<String> xmlValues(String name) {
      List<String> values = new ArrayList<>();
      Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(body);
      while (m.find()) values.add(m.group(1));
      return values;
    }
  }
}
