package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.server.auth.AuthenticationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that turns every kind of failure into the wire's error shape: JSON 1.1
 * ({@code __type} + {@code message}), rest-json ({@code x-amzn-ErrorType} + body) and query XML
 * ({@code <ErrorResponse>} with the model's wire code). Messages never carry Java class names or traces.
 */
final class ErrorResponses {
  static final String INTERNAL_MESSAGE = "The request processing has failed because of an unknown error, exception or failure.";

  private ErrorResponses() {}

  /** A feature's (or this layer's) error with a code from the service's model. */
  static HttpResponseData error(
      Protocol protocol, ServiceModel service, String code, int status, String message, Map<String, ?> fields, String requestId) {
    Shape shape = service == null ? null : service.errorShape(code);
    return encode(protocol, namespace(service), shape, code, status, message, fields, requestId);
  }

  private static HttpResponseData encode(
      Protocol protocol, String namespace, Shape shape, String code, int status, String message, Map<String, ?> fields, String requestId) {
    return switch (protocol) {
      case QUERY -> {
        String wireCode = shape != null && shape.errorCode != null ? shape.errorCode : code;
        int wireStatus = shape != null && shape.errorStatus > 0 ? shape.errorStatus : status;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        fields.forEach((k, v) -> extra.put(k, fieldValue(shape, k, v)));
        byte[] body = QueryXml.error(namespace, wireStatus < 500, wireCode, message, extra, requestId);
        yield response(wireStatus, "text/xml", body, requestId, null);
      }
      case JSON -> {
        ObjectNode body = WireJson.NODES.objectNode();
        body.put("__type", code);
        if (message != null) body.put(messageMember(shape, "message"), message);
        putFields(body, shape, fields, requestId);
        yield response(status, "application/x-amz-json-1.1", json(body), requestId, code);
      }
      case REST_JSON -> {
        int wireStatus = shape != null && shape.errorStatus > 0 ? shape.errorStatus : status;
        ObjectNode body = WireJson.NODES.objectNode();
        String messageMember = messageMember(shape, shape != null && shape.member("error_description") != null ? "error_description" : "message");
        if (message != null && !fields.containsKey(messageMember)) body.put(messageMember, message);
        putFields(body, shape, fields, requestId);
        yield response(wireStatus, "application/json", json(body), requestId, code);
      }
    };
  }

  static HttpResponseData failure(Protocol protocol, ServiceModel service, ProtocolFailure f, String requestId) {
    String message = f.getMessage();
    return switch (f.kind()) {
      case UNKNOWN_OPERATION -> switch (protocol) {
        case QUERY -> error(protocol, service, "InvalidAction", 400, message, Map.of(), requestId);
        case JSON -> error(protocol, service, "UnknownOperationException", 400, message, Map.of(), requestId);
        case REST_JSON -> error(protocol, service, "UnknownOperationException", 404, message, Map.of(), requestId);
      };
      case MISSING_ACTION -> error(protocol, service, "MissingAction", 400, message, Map.of(), requestId);
      case MALFORMED_REQUEST -> protocol == Protocol.QUERY
          ? error(protocol, service, "MalformedQueryString", 400, message, Map.of(), requestId)
          : error(protocol, service, "SerializationException", 400, message, Map.of(), requestId);
      case TYPE_MISMATCH -> protocol == Protocol.QUERY
          ? validation(protocol, service, message, null, requestId)
          : error(protocol, service, "SerializationException", 400, message, Map.of(), requestId);
      case UNSUPPORTED_MEDIA_TYPE -> error(
          protocol, service, protocol == Protocol.QUERY ? "UnsupportedMediaType" : "UnsupportedMediaTypeException", 415, message, Map.of(), requestId);
      case BODY_TOO_LARGE -> error(
          protocol, service, protocol == Protocol.QUERY ? "RequestEntityTooLarge" : "RequestEntityTooLargeException", 413, message, Map.of(), requestId);
      case VALIDATION -> validation(
          protocol, service, message, f.violations().isEmpty() ? null : organizationsReason(f.violations().get(0).kind()), requestId);
      case INVALID_PAGE_TOKEN -> validation(protocol, service, message, "INVALID_NEXT_TOKEN", requestId);
    };
  }

  /** SigV4 rejections, with the codes AWS uses for each protocol. */
  static HttpResponseData authentication(Protocol protocol, ServiceModel service, AuthenticationException e, String requestId) {
    boolean query = protocol == Protocol.QUERY;
    String code = switch (e.kind()) {
      case MISSING_AUTHENTICATION -> query ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException";
      case INCOMPLETE_SIGNATURE -> query ? "IncompleteSignature" : "IncompleteSignatureException";
      case UNKNOWN_ACCESS_KEY -> query ? "InvalidClientTokenId" : "UnrecognizedClientException";
      case SIGNATURE_MISMATCH -> query ? "SignatureDoesNotMatch" : "InvalidSignatureException";
      case EXPIRED_TOKEN -> query ? "ExpiredToken" : "ExpiredTokenException";
    };
    String standard = switch (e.kind()) {
      case MISSING_AUTHENTICATION -> "Request is missing Authentication Token";
      case INCOMPLETE_SIGNATURE -> "The request signature does not conform to AWS standards.";
      case UNKNOWN_ACCESS_KEY -> "The security token included in the request is invalid.";
      case SIGNATURE_MISMATCH -> "The request signature we calculated does not match the signature you provided. "
          + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
      case EXPIRED_TOKEN -> "The security token included in the request is expired";
    };
    String message = e.getMessage() == null || e.getMessage().isBlank() ? standard : e.getMessage();
    // Query services (IAM, STS) answer 403; the JSON 1.1 services answer these with 400.
    int status = query ? 403 : 400;
    // Error codes here are not the service's own shapes: never let a same-named model shape
    // (STS's ExpiredTokenException) rewrite them.
    return encode(protocol, namespace(service), null, code, status, message, Map.of(), requestId);
  }

  /** Anything unexpected: a generic 500 in the service's own internal-error shape. */
  static HttpResponseData internal(Protocol protocol, ServiceModel service, String requestId) {
    String code = "InternalFailure";
    if (service != null) {
      for (String candidate : new String[] {"InternalServerException", "ServiceException", "ServiceFailureException"}) {
        if (service.errorShape(candidate) != null) {
          code = candidate;
          break;
        }
      }
    }
    return error(protocol, service, code, 500, INTERNAL_MESSAGE, Map.of(), requestId);
  }

  /** Each service's own shape for invalid input. */
  private static HttpResponseData validation(Protocol protocol, ServiceModel service, String message, String reason, String requestId) {
    String name = service == null ? "" : service.name();
    return switch (name) {
      case "organizations" -> error(protocol, service, "InvalidInputException", 400, message,
          reason == null ? Map.of() : Map.of("Reason", reason), requestId);
      case "iam", "sts" -> error(protocol, service, "ValidationError", 400, message, Map.of(), requestId);
      case "sso" -> error(protocol, service, "InvalidRequestException", 400, message, Map.of(), requestId);
      case "sso-oidc" -> error(protocol, service, "InvalidRequestException", 400, message,
          Map.of("error", "invalid_request", "error_description", message), requestId);
      default -> error(protocol, service, protocol == Protocol.QUERY ? "ValidationError" : "ValidationException", 400, message, Map.of(), requestId);
    };
  }

  private static String organizationsReason(Violation.Kind kind) {
    return switch (kind) {
      case REQUIRED -> "INPUT_REQUIRED";
      case MIN_LENGTH -> "MIN_LENGTH_EXCEEDED";
      case MAX_LENGTH -> "MAX_LENGTH_EXCEEDED";
      case MIN_VALUE -> "MIN_VALUE_EXCEEDED";
      case MAX_VALUE -> "MAX_VALUE_EXCEEDED";
      case PATTERN -> "INVALID_PATTERN";
      case ENUM -> "INVALID_ENUM";
      case TYPE -> null;
    };
  }

  private static String messageMember(Shape shape, String fallback) {
    if (shape != null) {
      if (shape.member("Message") != null) return "Message";
      if (shape.member("message") != null) return "message";
    }
    return fallback;
  }

  /** Writes the error's fields in the shape's member order (AwsException keeps no order), unknown ones after. */
  private static void putFields(ObjectNode body, Shape shape, Map<String, ?> fields, String requestId) {
    Map<String, Object> remaining = new LinkedHashMap<>(fields);
    if (shape != null) {
      for (Member m : shape.members.values()) {
        for (var it = remaining.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (!e.getKey().equalsIgnoreCase(m.name())) continue;
          JsonNode value = e.getValue() == null ? null : OutputTree.of(e.getValue(), m.shape());
          if (value != null) body.set(m.name(), value);
          it.remove();
        }
      }
      if (shape.member("RequestId") != null && !body.has("RequestId")) body.put("RequestId", requestId);
    }
    remaining.forEach((k, v) -> {
      if (v != null) body.set(k, v instanceof JsonNode n ? n : WireJson.MAPPER.valueToTree(v));
    });
  }

  private static JsonNode fieldValue(Shape shape, String name, Object value) {
    if (value == null) return null;
    Member m = shape == null ? null : shape.memberIgnoringCase(name);
    if (m != null) return OutputTree.of(value, m.shape());
    return value instanceof JsonNode n ? n : WireJson.MAPPER.valueToTree(value);
  }

  private static String namespace(ServiceModel service) {
    return service != null && service.xmlNamespace() != null ? service.xmlNamespace() : "https://iam.amazonaws.com/doc/2010-05-08/";
  }

  private static byte[] json(JsonNode body) {
    try {
      return WireJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponseData response(int status, String contentType, byte[] body, String requestId, String errorType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("x-amzn-RequestId", requestId);
    if (errorType != null) headers.put("x-amzn-ErrorType", errorType);
    return new HttpResponseData(status, headers, body);
  }
}
