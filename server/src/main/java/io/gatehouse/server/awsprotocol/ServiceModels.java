package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seven service models, parsed once from the class path into their immutable in-memory form.
 * Everything the request path needs (patterns, enum sets, routes) is prepared here, never per request.
 */
final class ServiceModels {
  static final List<String> SERVICES =
      List.of("identitystore", "sso-admin", "organizations", "iam", "sts", "sso", "sso-oidc", "gatehouse");

  private static final Logger LOG = LoggerFactory.getLogger(ServiceModels.class);

  private final Map<String, ServiceModel> byName;

  private ServiceModels(Map<String, ServiceModel> byName) {
    this.byName = byName;
  }

  /** The models shipped in {@code aws-models/}; parsed on first use and shared by every endpoint. */
  static ServiceModels standard() {
    return Standard.MODELS;
  }

  private static final class Standard {
    static final ServiceModels MODELS = load();
  }

  private static ServiceModels load() {
    Map<String, ServiceModel> models = new LinkedHashMap<>();
    for (String name : SERVICES) {
      String resource = "/aws-models/" + name + "/service-2.json";
      try (InputStream in = ServiceModels.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("missing model resource " + resource);
        models.put(name, parse(name, WireJson.MAPPER.readTree(in)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return new ServiceModels(Collections.unmodifiableMap(models));
  }

  ServiceModel service(String name) {
    return byName.get(name);
  }

  Iterable<ServiceModel> all() {
    return byName.values();
  }

  static ServiceModel parse(String name, JsonNode root) {
    JsonNode meta = root.path("metadata");
    Protocol protocol = Protocol.fromModel(meta.path("protocol").asText());
    Map<String, Shape> shapes = new HashMap<>();
    JsonNode shapeNodes = root.path("shapes");
    shapeNodes.properties().forEach(e -> shapes.put(e.getKey(), createShape(name, e.getKey(), e.getValue())));
    shapeNodes.properties().forEach(e -> link(shapes.get(e.getKey()), e.getValue(), shapes));

    Map<String, OperationModel> operations = new LinkedHashMap<>();
    root.path("operations").properties().forEach(e -> {
      JsonNode op = e.getValue();
      List<String> errors = new ArrayList<>();
      op.path("errors").forEach(err -> errors.add(err.path("shape").asText()));
      boolean unsigned = "none".equals(op.path("authtype").asText(null));
      operations.put(e.getKey(), new OperationModel(
          e.getKey(),
          op.path("http").path("method").asText("POST"),
          UriTemplate.parse(op.path("http").path("requestUri").asText("/")),
          shapeRef(op.path("input"), shapes),
          shapeRef(op.path("output"), shapes),
          op.path("output").path("resultWrapper").asText(null),
          unsigned,
          List.copyOf(errors)));
    });
    String signingName = meta.hasNonNull("signingName") ? meta.get("signingName").asText() : meta.path("endpointPrefix").asText();
    return new ServiceModel(
        name, protocol, meta.path("apiVersion").asText(), meta.path("targetPrefix").asText(null), signingName,
        meta.path("xmlNamespace").asText(null), Collections.unmodifiableMap(operations), Collections.unmodifiableMap(shapes));
  }

  private static Shape shapeRef(JsonNode ref, Map<String, Shape> shapes) {
    if (ref.isMissingNode() || !ref.hasNonNull("shape")) return null;
    return shapes.get(ref.get("shape").asText());
  }

  private static Shape createShape(String service, String shapeName, JsonNode n) {
    Shape.Type type = n.path("document").asBoolean(false) ? Shape.Type.DOCUMENT : switch (n.path("type").asText()) {
      case "structure" -> Shape.Type.STRUCTURE;
      case "list" -> Shape.Type.LIST;
      case "map" -> Shape.Type.MAP;
      case "string" -> Shape.Type.STRING;
      case "integer" -> Shape.Type.INTEGER;
      case "long" -> Shape.Type.LONG;
      case "float" -> Shape.Type.FLOAT;
      case "double" -> Shape.Type.DOUBLE;
      case "boolean" -> Shape.Type.BOOLEAN;
      case "timestamp" -> Shape.Type.TIMESTAMP;
      case "blob" -> Shape.Type.BLOB;
      default -> throw new IllegalArgumentException(service + ": unsupported shape type of " + shapeName + ": " + n.path("type"));
    };
    Pattern pattern = null;
    if (n.hasNonNull("pattern")) {
      try {
        pattern = Pattern.compile(n.get("pattern").asText());
      } catch (PatternSyntaxException e) {
        // Should not happen with AWS's models; an unchecked pattern is better than no server.
        LOG.warn("{}: pattern of shape {} does not compile in Java and is not checked: {}", service, shapeName, e.getDescription());
      }
    }
    List<String> enumValues = null;
    if (n.has("enum")) {
      List<String> values = new ArrayList<>();
      n.get("enum").forEach(v -> values.add(v.asText()));
      enumValues = List.copyOf(values);
    }
    JsonNode error = n.path("error");
    return new Shape(
        shapeName, type,
        n.has("min") ? n.get("min").asLong() : null,
        n.has("max") ? n.get("max").asLong() : null,
        pattern, enumValues,
        n.path("sensitive").asBoolean(false),
        n.path("flattened").asBoolean(false),
        n.path("exception").asBoolean(false),
        error.path("code").asText(null),
        error.path("httpStatusCode").asInt(0));
  }

  private static void link(Shape shape, JsonNode n, Map<String, Shape> shapes) {
    if (n.has("members")) {
      Map<String, Member> members = new LinkedHashMap<>();
      Map<String, Member> lower = new HashMap<>();
      n.get("members").properties().forEach(e -> {
        Member m = member(e.getKey(), e.getValue(), shapes);
        members.put(m.name(), m);
        lower.putIfAbsent(m.name().toLowerCase(Locale.ROOT), m);
      });
      shape.members = Collections.unmodifiableMap(members);
      shape.membersByLowerName = Collections.unmodifiableMap(lower);
    }
    if (n.has("required")) {
      List<String> required = new ArrayList<>();
      n.get("required").forEach(r -> required.add(r.asText()));
      shape.required = List.copyOf(required);
    }
    if (n.has("member")) shape.listMember = member("member", n.get("member"), shapes);
    if (n.has("key")) shape.mapKey = member("key", n.get("key"), shapes);
    if (n.has("value")) shape.mapValue = member("value", n.get("value"), shapes);
  }

  private static Member member(String name, JsonNode n, Map<String, Shape> shapes) {
    Shape target = shapes.get(n.path("shape").asText());
    if (target == null) throw new IllegalArgumentException("member " + name + " refers to unknown shape " + n.path("shape"));
    String path = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    return new Member(
        name, target, n.path("location").asText(null), n.path("locationName").asText(null),
        n.path("flattened").asBoolean(false), path);
  }
}
