package io.gatehouse.server.awsprotocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the service and operation of a request: JSON 1.1 by {@code X-Amz-Target}, query by
 * {@code Action} with the service from the SigV4 credential scope (else {@code Version}), rest-json
 * by method and path template. A request it cannot place still gets a route that names the
 * protocol (and service, when known) whose error shape the answer must use.
 */
final class Router {
  /** The SigV4 credential scope's region and service, when the request carries one. */
  record Scope(String region, String service) {}

  /**
   * @param protocol the protocol of the answer
   * @param service the service, or null when unknown
   * @param operation the operation, or null when {@code failure} is set
   * @param parameters query protocol: all parameters; rest-json: the decoded query string
   * @param labels rest-json path labels
   * @param scope the credential scope, or null
   * @param failure why the request cannot be served, or null
   */
  record Route(
      Protocol protocol, ServiceModel service, OperationModel operation, Map<String, List<String>> parameters,
      Map<String, String> labels, Scope scope, ProtocolFailure failure) {}

  private record RestRoute(ServiceModel service, OperationModel operation) {}

  private final Map<String, ServiceModel> byTargetPrefix = new HashMap<>();
  private final Map<String, ServiceModel> queryBySigningName = new HashMap<>();
  private final Map<String, ServiceModel> queryByVersion = new HashMap<>();
  private final List<RestRoute> restRoutes = new ArrayList<>();
  private final ServiceModel defaultQueryService;
  private final long maxBodyBytes;

  Router(ServiceModels models, long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    for (ServiceModel s : models.all()) {
      switch (s.protocol()) {
        case JSON -> byTargetPrefix.put(s.targetPrefix(), s);
        case QUERY -> {
          queryBySigningName.put(s.signingName(), s);
          queryByVersion.put(s.apiVersion(), s);
        }
        case REST_JSON -> s.operations().values().forEach(op -> restRoutes.add(new RestRoute(s, op)));
      }
    }
    restRoutes.sort(Comparator.comparingInt((RestRoute r) -> r.operation.uri().specificity()).reversed());
    defaultQueryService = models.service("iam");
  }

  Route route(HttpRequestData request) {
    String target = request.header("x-amz-target");
    if (target != null) return json(request, target);
    String path = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
    if (path.equals("/")) {
      String contentType = request.header("content-type");
      if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("amz-json")) {
        return failed(Protocol.JSON, null, null, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION, "The request has no X-Amz-Target header"));
      }
      return query(request);
    }
    return rest(request, path);
  }

  private Route json(HttpRequestData request, String target) {
    Scope scope = scope(request, presignedParameters(request));
    int dot = target.lastIndexOf('.');
    ServiceModel service = dot < 0 ? null : byTargetPrefix.get(target.substring(0, dot));
    if (request.body().length > maxBodyBytes) return failed(Protocol.JSON, service, scope, tooLarge());
    if (service == null) {
      return failed(Protocol.JSON, null, scope, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION, "No service answers to the X-Amz-Target given"));
    }
    OperationModel op = service.operation(target.substring(dot + 1));
    if (op == null) {
      return failed(Protocol.JSON, service, scope, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION,
          "The operation " + target.substring(dot + 1) + " is not known to " + service.name()));
    }
    if (!"POST".equals(request.method())) {
      return failed(Protocol.JSON, service, scope, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION, "JSON operations are invoked with POST"));
    }
    if (!isJsonContentType(request.header("content-type"))) {
      return failed(Protocol.JSON, service, scope, new ProtocolFailure(ProtocolFailure.Kind.UNSUPPORTED_MEDIA_TYPE,
          "The content type must be application/x-amz-json-1.1"));
    }
    return new Route(Protocol.JSON, service, op, Map.of(), Map.of(), scope, null);
  }

  private Route query(HttpRequestData request) {
    Scope scope = null;
    ServiceModel service = defaultQueryService;
    try {
      Map<String, List<String>> params = FormCodec.parse(request.rawQuery());
      scope = scope(request, params);
      if (scope != null && queryBySigningName.containsKey(scope.service())) service = queryBySigningName.get(scope.service());
      if (request.body().length > maxBodyBytes) return failed(Protocol.QUERY, service, scope, tooLarge());
      if (request.body().length > 0 && "POST".equals(request.method())) {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          return failed(Protocol.QUERY, service, scope, new ProtocolFailure(ProtocolFailure.Kind.UNSUPPORTED_MEDIA_TYPE,
              "The content type must be application/x-www-form-urlencoded"));
        }
        FormCodec.parse(FormCodec.bodyText(request.body())).forEach((k, v) -> params.merge(k, v, (a, b) -> {
          List<String> all = new ArrayList<>(a);
          all.addAll(b);
          return all;
        }));
      }
      if (scope == null || !queryBySigningName.containsKey(scope.service())) {
        String version = first(params, "Version");
        if (version != null && queryByVersion.containsKey(version)) service = queryByVersion.get(version);
      }
      String action = first(params, "Action");
      if (action == null || action.isEmpty()) {
        return failed(Protocol.QUERY, service, scope, new ProtocolFailure(ProtocolFailure.Kind.MISSING_ACTION, "Missing Action"));
      }
      OperationModel op = service.operation(action);
      if (op == null) {
        return failed(Protocol.QUERY, service, scope, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION,
            "Could not find operation " + action + " for version " + service.apiVersion()));
      }
      return new Route(Protocol.QUERY, service, op, params, Map.of(), scope, null);
    } catch (ProtocolFailure f) {
      return failed(Protocol.QUERY, service, scope, f);
    }
  }

  private Route rest(HttpRequestData request, String path) {
    Map<String, List<String>> query;
    try {
      query = FormCodec.parse(request.rawQuery());
    } catch (ProtocolFailure f) {
      return failed(Protocol.REST_JSON, null, null, f);
    }
    for (RestRoute r : restRoutes) {
      if (!r.operation.httpMethod().equals(request.method())) continue;
      Map<String, String> labels = r.operation.uri().match(path, query);
      if (labels == null) continue;
      if (request.body().length > maxBodyBytes) return failed(Protocol.REST_JSON, r.service, null, tooLarge());
      return new Route(Protocol.REST_JSON, r.service, r.operation, query, labels, scope(request, query), null);
    }
    return failed(Protocol.REST_JSON, null, null, new ProtocolFailure(ProtocolFailure.Kind.UNKNOWN_OPERATION,
        "No operation answers to " + request.method() + " " + path));
  }

  /** The scope of {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...}, or of {@code X-Amz-Credential}. */
  static Scope scope(HttpRequestData request, Map<String, List<String>> params) {
    String credential = null;
    String authorization = request.header("authorization");
    if (authorization != null) {
      int at = authorization.indexOf("Credential=");
      if (at >= 0) {
        int end = at + "Credential=".length();
        int stop = end;
        while (stop < authorization.length() && authorization.charAt(stop) != ',' && authorization.charAt(stop) != ' ') stop++;
        credential = authorization.substring(end, stop);
      }
    } else if (params != null) {
      credential = first(params, "X-Amz-Credential");
    }
    if (credential == null) return null;
    String[] parts = credential.split("/", -1);
    if (parts.length < 5) return null;
    return new Scope(parts[2], parts[3]);
  }

  /** Query parameters that may carry a presigned credential, or null; a broken query string is no scope. */
  private static Map<String, List<String>> presignedParameters(HttpRequestData request) {
    if (request.rawQuery() == null || request.rawQuery().isEmpty() || request.header("authorization") != null) return null;
    try {
      return FormCodec.parse(request.rawQuery());
    } catch (ProtocolFailure f) {
      return null;
    }
  }

  /** JSON bodies may be labelled as the AWS JSON protocols or plain JSON; no label is accepted too. */
  static boolean isJsonContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) return true;
    String ct = contentType.toLowerCase(Locale.ROOT);
    return ct.startsWith("application/x-amz-json-1.1") || ct.startsWith("application/x-amz-json-1.0") || ct.startsWith("application/json");
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private ProtocolFailure tooLarge() {
    return new ProtocolFailure(ProtocolFailure.Kind.BODY_TOO_LARGE, "The request body exceeds the limit of " + maxBodyBytes + " bytes");
  }

  private static Route failed(Protocol protocol, ServiceModel service, Scope scope, ProtocolFailure failure) {
    return new Route(protocol, service, null, Map.of(), Map.of(), scope, failure);
  }
}
