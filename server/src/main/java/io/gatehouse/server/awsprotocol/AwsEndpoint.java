package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.auth.Authenticator;
import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS-facing request path, driven by AWS's service models: identify the service and operation,
 * authenticate signed operations, decode and validate the input against the model, bind it to the
 * feature's record, invoke, encode the output, and turn every failure into the protocol's error
 * shape. Every response carries a request id. Thread-safe; build one per server.
 */
public final class AwsEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(AwsEndpoint.class);
  private static final String DEFAULT_REGION = "us-east-1";

  private final Operations operations;
  private final Router router;
  private final Authenticator authenticator;
  private final CallAuthorizer authorizer;
  private final Clock clock;

  /**
   * @param apis the features' operations; registering an operation twice or one the model lacks fails here
   * @param authenticator verifies SigV4 of signed operations
   * @param clock the time given to operations
   * @param maxBodyBytes larger bodies are refused with 413 in the protocol's error shape
   */
  public AwsEndpoint(List<ServiceApi> apis, Authenticator authenticator, Clock clock, long maxBodyBytes) {
    this(apis, authenticator, CallAuthorizer.ALLOW_ALL, clock, maxBodyBytes);
  }

  /**
   * @param authorizer decides every call between validation and invocation (signed or not: it
   *     knows which operations need no authorization)
   */
  public AwsEndpoint(List<ServiceApi> apis, Authenticator authenticator, CallAuthorizer authorizer, Clock clock,
      long maxBodyBytes) {
    ServiceModels models = ServiceModels.standard();
    this.operations = Operations.register(models, List.copyOf(apis));
    this.router = new Router(models, maxBodyBytes);
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public HttpResponseData handle(HttpRequestData request) {
    String requestId = UUID.randomUUID().toString();
    Router.Route route;
    try {
      route = router.route(request);
    } catch (RuntimeException e) {
      LOG.error("request {}: routing failed", requestId, e);
      return ErrorResponses.internal(Protocol.QUERY, null, requestId);
    }
    if (route.failure() != null) return ErrorResponses.failure(route.protocol(), route.service(), route.failure(), requestId);
    Protocol protocol = route.protocol();
    ServiceModel service = route.service();
    try {
      return dispatch(route, request, requestId);
    } catch (ProtocolFailure f) {
      return ErrorResponses.failure(protocol, service, f, requestId);
    } catch (AwsException e) {
      return ErrorResponses.error(protocol, service, e.code(), e.httpStatus(), e.getMessage(), e.fields(), requestId);
    } catch (CallAuthorizer.Denied e) {
      return denied(protocol, service, e.getMessage(), requestId);
    } catch (AuthenticationException e) {
      return ErrorResponses.authentication(protocol, service, e, requestId);
    } catch (PageToken.InvalidPageTokenException e) {
      return ErrorResponses.failure(protocol, service, new ProtocolFailure(ProtocolFailure.Kind.INVALID_PAGE_TOKEN, invalidTokenMessage(service)), requestId);
    } catch (InputBinder.BindException e) {
      return ErrorResponses.failure(protocol, service,
          ProtocolFailure.invalid(List.of(new Violation(Violation.Kind.TYPE, e.path, "", e.getMessage()))), requestId);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("request {}: {} {} failed", requestId, service.name(), route.operation().name(), e);
      return ErrorResponses.internal(protocol, service, requestId);
    }
  }

  private HttpResponseData dispatch(Router.Route route, HttpRequestData request, String requestId) {
    ServiceModel service = route.service();
    OperationModel op = route.operation();
    Operations.Registered registered = operations.find(service.name(), op.name());
    if (registered == null) {
      throw new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION, "The operation " + op.name() + " is not supported by this server");
    }
    Caller caller = op.unsigned() ? null : authenticator.authenticate(request, service.signingName());

    ObjectNode tree = switch (route.protocol()) {
      case JSON -> JsonBody.parse(request.body());
      case QUERY -> QueryDecoder.decode(op.input(), route.parameters());
      case REST_JSON -> RestJsonDecoder.decode(op, request, route.parameters(), route.labels());
    };
    List<Violation> violations = InputValidator.validate(op.input(), tree);
    if (!violations.isEmpty()) {
      if (route.protocol() != Protocol.QUERY) {
        for (Violation v : violations) {
          if (v.kind() == Violation.Kind.TYPE) throw new ProtocolFailure(ProtocolFailure.Kind.TYPE_MISMATCH, v.message());
        }
      }
      throw ProtocolFailure.invalid(violations);
    }
    String region = route.scope() != null ? route.scope().region() : DEFAULT_REGION;
    Instant now = clock.instant();
    authorizer.authorize(new CallAuthorizer.Call(service.name(), op.name(), caller, tree, region, request.sourceIp(),
        false, now));
    Object input = bind(tree, registered.inputType(), op.input());
    RequestContext context = new RequestContext(requestId, service.name(), op.name(), caller, region, request.sourceIp(), now,
        request.header("host"));
    Object output = registered.operation().invoke(context, input);
    return encode(route, output, requestId);
  }

  private static Object bind(ObjectNode tree, Class<?> inputType, Shape input) {
    if (inputType == Void.class) return null;
    if (JsonNode.class.isAssignableFrom(inputType)) return tree;
    return InputBinder.bind(tree, inputType, input);
  }

  private static HttpResponseData encode(Router.Route route, Object output, String requestId) {
    OperationModel op = route.operation();
    JsonNode tree = op.output() == null || output == null ? null : OutputTree.of(output, op.output());
    return switch (route.protocol()) {
      case QUERY -> ErrorResponses.response(200, "text/xml",
          QueryXml.response(op.name(), op.resultWrapper(), op.output(), tree, route.service().xmlNamespace(), requestId), requestId, null);
      case JSON -> ErrorResponses.response(200, "application/x-amz-json-1.1", json(tree), requestId, null);
      case REST_JSON -> restJson(op, tree, requestId);
    };
  }

  private static HttpResponseData restJson(OperationModel op, JsonNode tree, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    int status = 200;
    if (tree instanceof ObjectNode body && op.output() != null) {
      for (Member m : op.output().members.values()) {
        if (m.inBody() || !body.has(m.name())) continue;
        JsonNode v = body.remove(m.name());
        if ("header".equals(m.location())) headers.put(m.wireName(), v.asText());
        if ("statusCode".equals(m.location())) status = v.asInt(200);
      }
    }
    HttpResponseData base = ErrorResponses.response(status, "application/json", json(tree), requestId, null);
    if (headers.isEmpty()) return base;
    headers.putAll(base.headers());
    return new HttpResponseData(status, headers, base.body());
  }

  private static byte[] json(JsonNode tree) {
    if (tree == null) return new byte[] {'{', '}'};
    try {
      return WireJson.MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AWS's access-denied error: {@code AccessDenied} (403) in the query protocol, {@code AccessDeniedException} (400) in JSON ones. */
  private static HttpResponseData denied(Protocol protocol, ServiceModel service, String message, String requestId) {
    return switch (protocol) {
      case QUERY -> ErrorResponses.error(protocol, service, "AccessDenied", 403, message, Map.of(), requestId);
      case JSON, REST_JSON -> ErrorResponses.error(protocol, service, "AccessDeniedException", 400, message, Map.of(), requestId);
    };
  }

  private static String invalidTokenMessage(ServiceModel service) {
    return "organizations".equals(service.name())
        ? "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API."
        : "The pagination token is not valid.";
  }

}
