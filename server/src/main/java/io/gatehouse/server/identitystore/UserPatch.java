package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies UpdateUser's attribute operations to a user's attributes. Paths name an attribute
 * ({@code displayName}), a sub-attribute of {@code name} ({@code name.givenName}) or an extension
 * ({@code aws:identitystore:enterprise}, {@code aws:identitystore:enterprise.costCenter}); they
 * match case-insensitively, as SCIM attribute names do. Multi-valued attributes ({@code emails},
 * ...) can only be replaced whole, as on AWS.
 */
final class UserPatch {
  private static final Set<String> SINGLE = Set.of("userName", "displayName", "nickName", "profileUrl", "userType",
      "title", "preferredLanguage", "locale", "timezone", "website", "birthdate");
  private static final Set<String> NAME_PARTS = Set.of("formatted", "familyName", "givenName", "middleName",
      "honorificPrefix", "honorificSuffix");
  private static final Set<String> MULTI = Set.of("emails", "addresses", "phoneNumbers", "photos", "roles");
  private static final Map<String, String> CANONICAL = canonical();

  private UserPatch() {}

  static UserAttributes apply(UserAttributes current, List<AttributeOperation> operations) {
    ObjectNode tree = AttributeJson.tree(current);
    for (AttributeOperation op : operations) apply(tree, op.attributePath(), op.valueOrNull());
    return AttributeJson.attributes(tree);
  }

  private static void apply(ObjectNode tree, String path, JsonNode value) {
    if (path.contains(":")) {
      applyExtension(tree, path, value);
      return;
    }
    String[] parts = path.split("\\.", -1);
    String attribute = CANONICAL.get(parts[0].toLowerCase(Locale.ROOT));
    if (attribute == null) throw unknown(path);
    if (MULTI.contains(attribute)) {
      if (parts.length > 1) {
        throw new Validation("Unsupported update operation on multi-value attribute " + attribute
            + ", please provide full replacement of Multi-Value attribute types");
      }
      set(tree, attribute, value);
    } else if (attribute.equals("name")) {
      if (parts.length == 1) {
        set(tree, "name", value);
      } else {
        String part = parts.length == 2 ? CANONICAL.get("name." + parts[1].toLowerCase(Locale.ROOT)) : null;
        if (part == null) throw unknown(path);
        ObjectNode name = tree.has("name") && tree.get("name").isObject() ? (ObjectNode) tree.get("name") : tree.putObject("name");
        set(name, part, value);
        if (name.isEmpty()) tree.remove("name");
      }
    } else {
      if (parts.length > 1) throw unknown(path);
      set(tree, attribute, value);
    }
  }

  private static void applyExtension(ObjectNode tree, String path, JsonNode value) {
    int dot = path.indexOf('.');
    String extension = (dot < 0 ? path : path.substring(0, dot)).toLowerCase(Locale.ROOT);
    if (!extension.equals(UserRules.ENTERPRISE_EXTENSION)) {
      throw new Validation("Unsupported extension " + extension + "; the only supported extension is "
          + UserRules.ENTERPRISE_EXTENSION);
    }
    ObjectNode extensions = tree.has("extensions") ? (ObjectNode) tree.get("extensions") : tree.putObject("extensions");
    if (dot < 0) {
      set(extensions, extension, value);
    } else {
      JsonNode existing = extensions.get(extension);
      ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : extensions.putObject(extension);
      String[] sub = path.substring(dot + 1).split("\\.", -1);
      ObjectNode node = target;
      for (int i = 0; i < sub.length - 1; i++) {
        JsonNode child = node.get(sub[i]);
        node = child != null && child.isObject() ? (ObjectNode) child : node.putObject(sub[i]);
      }
      set(node, sub[sub.length - 1], value);
      if (target.isEmpty()) extensions.remove(extension);
    }
    if (extensions.isEmpty()) tree.remove("extensions");
  }

  private static void set(ObjectNode node, String field, JsonNode value) {
    if (value == null) node.remove(field);
    else node.set(field, value);
  }

  private static Validation unknown(String path) {
    return new Validation("Invalid attribute path " + path + ": no such attribute, or it cannot be updated");
  }

  private static Map<String, String> canonical() {
    Map<String, String> m = new TreeMap<>();
    for (String s : SINGLE) m.put(s.toLowerCase(Locale.ROOT), s);
    for (String s : MULTI) m.put(s.toLowerCase(Locale.ROOT), s);
    m.put("name", "name");
    for (String s : NAME_PARTS) m.put("name." + s.toLowerCase(Locale.ROOT), s);
    return Map.copyOf(m);
  }
}
