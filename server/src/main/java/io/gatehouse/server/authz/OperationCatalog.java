package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For every operation of every service Gatehouse serves, what authorizing it means: the IAM
 * action, resource types and ARN templates, condition keys, and the keys the input feeds (see
 * docs/authorization.md). Built once at startup from AWS's service models ({@code aws-models/})
 * and the Service Authorization Reference ({@code authz/}): the action is the operation's name
 * under the service's IAM prefix, except where {@code authz/overrides.json} says otherwise and
 * why. Immutable and thread-safe; {@link #find} is two hash lookups and allocates nothing.
 */
public final class OperationCatalog {
  /** Model folder name → IAM service prefix (AWS Service Authorization Reference). */
  public static final Map<String, String> PREFIXES = orderedPrefixes();

  private final Map<String, Map<String, CatalogEntry>> entries;

  private OperationCatalog(Map<String, Map<String, CatalogEntry>> entries) {
    this.entries = entries;
  }

  private static Map<String, String> orderedPrefixes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("iam", "iam");
    m.put("sts", "sts");
    m.put("organizations", "organizations");
    m.put("identitystore", "identitystore");
    m.put("sso-admin", "sso");
    m.put("sso", "sso");
    m.put("sso-oidc", "sso-oauth");
    m.put("gatehouse", "gatehouse"); // Gatehouse's own admin API (assignment rules), data in authz/*/gatehouse.json
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Loads the catalog from the classpath; fails (at startup) when an operation has neither an action nor an override. */
  public static OperationCatalog load() {
    ObjectMapper json = new ObjectMapper();
    JsonNode overrides = read(json, "authz/overrides.json");
    JsonNode bindings = read(json, "authz/bindings.json");
    JsonNode requestKeys = read(json, "authz/request-keys.json");
    Map<String, Map<String, CatalogEntry>> all = new HashMap<>();
    Map<String, Reference> references = new HashMap<>();
    for (Map.Entry<String, String> svc : PREFIXES.entrySet()) {
      String service = svc.getKey();
      String prefix = svc.getValue();
      Reference ref = references.computeIfAbsent(prefix, p -> Reference.load(json, p));
      JsonNode model = read(json, "aws-models/" + service + "/service-2.json");
      Map<String, CatalogEntry> ops = new HashMap<>();
      model.get("operations").properties().forEach(op -> {
        Set<String> members = inputMembers(model, op.getValue());
        JsonNode override = overrides.path(service).get(op.getKey());
        ops.put(op.getKey(), entry(service, prefix, op.getKey(), members, override, ref, bindings.path(prefix), requestKeys));
      });
      overrides.path(service).fieldNames().forEachRemaining(name -> {
        if (!ops.containsKey(name)) throw new IllegalStateException("authz/overrides.json names " + service + " " + name + ", which the model lacks");
      });
      all.put(service, Map.copyOf(ops));
    }
    return new OperationCatalog(Map.copyOf(all));
  }

  /** The entry of {@code operation} of {@code service} (a model folder name), or null when Gatehouse does not serve it. */
  public CatalogEntry find(String service, String operation) {
    Map<String, CatalogEntry> ops = entries.get(service);
    return ops == null ? null : ops.get(operation);
  }

  /** Every entry of a service, or an empty collection. */
  public Collection<CatalogEntry> entries(String service) {
    return entries.getOrDefault(service, Map.of()).values();
  }

  private static CatalogEntry entry(String service, String prefix, String operation, Set<String> members, JsonNode override,
      Reference ref, JsonNode bindings, JsonNode requestKeys) {
    Access access = override == null ? Access.CHECKED : Access.valueOf(override.get("access").asText());
    String reason = override == null ? null : override.get("reason").asText();
    if (access == Access.UNSIGNED) {
      return new CatalogEntry(service, operation, access, null, List.of(), List.of(), List.of(), reason);
    }
    String action = override != null && override.hasNonNull("action") ? override.get("action").asText() : prefix + ":" + operation;
    JsonNode act = ref.action(action);
    if (act == null) {
      if (override != null && override.path("notInReference").asBoolean()) {
        return new CatalogEntry(service, operation, access, action, List.of(), List.of(), List.of(), reason);
      }
      throw new IllegalStateException(service + " " + operation + ": the reference has no action " + action
          + " and authz/overrides.json says nothing about it");
    }
    Map<String, ConditionKey> keys = new LinkedHashMap<>();
    for (JsonNode k : act.path("conditionKeys")) add(keys, ref.key(k.asText()));
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode rt : act.path("resourceTypes")) {
      String typeName = rt.get("name").asText();
      JsonNode def = ref.resourceType(typeName);
      ArnTemplate arn = ArnTemplate.parse(def.get("arn").asText());
      Map<String, ConditionKey> typeKeys = new LinkedHashMap<>();
      for (JsonNode k : def.path("conditionKeys")) add(typeKeys, ref.key(k.asText()));
      for (JsonNode k : rt.path("conditionKeys")) add(typeKeys, ref.key(k.asText()));
      typeKeys.values().forEach(k -> add(keys, k));
      JsonNode b = bindings.path(typeName.toLowerCase(Locale.ROOT));
      List<InputPath> arnMembers = new ArrayList<>();
      for (JsonNode m : b.path("arn")) arnMembers.add(InputPath.parse(m.asText()));
      List<List<VariableSource>> sources = new ArrayList<>();
      for (String var : arn.variables()) {
        List<VariableSource> s = new ArrayList<>();
        JsonNode listed = b.path("variables").get(var);
        if (listed != null) {
          for (JsonNode spec : listed) {
            VariableSource src = VariableSource.parse(spec.asText());
            if (members.contains(src.member())) s.add(src);
          }
        } else if (members.contains(var)) {
          s.add(VariableSource.parse(var));
        }
        sources.add(s);
      }
      arnMembers.removeIf(p -> !members.contains(p.member()));
      types.add(new ResourceType(typeName, arn, rt.path("required").asBoolean(), List.copyOf(typeKeys.values()), arnMembers, sources));
    }
    CatalogEntry draft = new CatalogEntry(service, operation, access, action, types, List.copyOf(keys.values()), List.of(), reason);
    return new CatalogEntry(service, operation, access, action, types, List.copyOf(keys.values()),
        requestKeysOf(draft, members, requestKeys), reason);
  }

  private static List<RequestKey> requestKeysOf(CatalogEntry draft, Set<String> members, JsonNode requestKeys) {
    List<RequestKey> out = new ArrayList<>();
    requestKeys.properties().forEach(e -> {
      String key = e.getKey();
      if (key.startsWith("_") || !draft.supportsConditionKey(key)) return;
      List<InputPath> paths = new ArrayList<>();
      JsonNode specs = e.getValue().has("tags") ? e.getValue().get("tags") : e.getValue().get("values");
      for (JsonNode spec : specs) {
        InputPath p = InputPath.parse(spec.asText());
        if (members.contains(p.member())) paths.add(p);
      }
      if (paths.isEmpty()) return;
      if (e.getValue().has("tags")) {
        String prefix = key.substring(0, key.indexOf("${"));
        for (InputPath p : paths) out.add(new RequestKey.Tags(prefix, p));
      } else {
        out.add(new RequestKey.Values(key, List.copyOf(paths)));
      }
    });
    return out;
  }

  private static void add(Map<String, ConditionKey> keys, ConditionKey k) {
    keys.putIfAbsent(k.name().toLowerCase(Locale.ROOT), k);
  }

  private static Set<String> inputMembers(JsonNode model, JsonNode op) {
    JsonNode input = op.path("input").get("shape");
    if (input == null) return Set.of();
    Set<String> names = new TreeSet<>();
    model.get("shapes").get(input.asText()).path("members").fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode read(ObjectMapper json, String resource) {
    try (InputStream in = OperationCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** One service prefix's part of the Service Authorization Reference. */
  record Reference(String prefix, JsonNode actions, JsonNode resourceTypes, JsonNode conditionKeys) {
    static Reference load(ObjectMapper json, String prefix) {
      return new Reference(prefix, read(json, "authz/actions/" + prefix + ".json"), read(json, "authz/resourceTypes/" + prefix + ".json"),
          read(json, "authz/conditionKeys/" + prefix + ".json"));
    }

    /** The action definition of {@code prefix:Name}, or null. */
    JsonNode action(String action) {
      int colon = action.indexOf(':');
      if (!action.substring(0, colon).equals(prefix)) return null;
      return actions.get(action.substring(colon + 1).toLowerCase(Locale.ROOT));
    }

    JsonNode resourceType(String name) {
      JsonNode def = resourceTypes.get(name.toLowerCase(Locale.ROOT));
      if (def == null) throw new IllegalStateException(prefix + ": no resource type " + name);
      return def;
    }

    ConditionKey key(String name) {
      JsonNode def = conditionKeys.get(name.toLowerCase(Locale.ROOT));
      if (def == null) throw new IllegalStateException(prefix + ": no condition key " + name);
      return new ConditionKey(def.get("key").asText(), ConditionKeyType.parse(def.get("type").asText()));
    }
  }
}
