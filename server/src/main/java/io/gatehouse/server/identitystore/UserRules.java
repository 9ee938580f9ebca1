package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a user's and a group's attributes obey, whether they came as typed members (CreateUser)
 * or inside documents (UpdateUser, UpdateGroup), which the protocol layer cannot check against the
 * model: required attributes (IAM Identity Center requires userName, displayName, name.givenName and
 * name.familyName), the model's lengths and patterns, list sizes, reserved names and extensions.
 */
final class UserRules {
  static final String ENTERPRISE_EXTENSION = "aws:identitystore:enterprise";

  /** The model's {@code UserName} pattern. */
  private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
  /** The model's {@code SensitiveStringType} pattern. */
  private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0\\u3000]+");
  /** The model's {@code GroupDisplayName} pattern. */
  private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0]+");
  /** Names AWS reserves for users and groups. */
  private static final Set<String> RESERVED = Set.of("administrator", "awsadministrators");
  private static final Set<String> ENTERPRISE_ATTRIBUTES = Set.of("employeeNumber", "costCenter", "organization",
      "division", "department", "manager");

  private UserRules() {}

  /**
   * Checks a user's attributes and returns them normalized (empty lists become absent).
   *
   * @throws Validation naming the first attribute that breaks a rule
   */
  static UserAttributes check(UserAttributes a) {
    if (blank(a.userName())) throw new Validation("userName is a required attribute");
    text("userName", a.userName(), 128, USER_NAME);
    notReserved("userName", a.userName());
    requireProfile(a);
    text("displayName", a.displayName(), 1024, TEXT);
    Name n = a.name();
    texts("name", List.of(
        new Field("formatted", n.formatted()), new Field("familyName", n.familyName()),
        new Field("givenName", n.givenName()), new Field("middleName", n.middleName()),
        new Field("honorificPrefix", n.honorificPrefix()), new Field("honorificSuffix", n.honorificSuffix())));
    for (var f : List.of(new Field("nickName", a.nickName()), new Field("profileUrl", a.profileUrl()),
        new Field("userType", a.userType()), new Field("title", a.title()),
        new Field("preferredLanguage", a.preferredLanguage()), new Field("locale", a.locale()),
        new Field("timezone", a.timezone()), new Field("website", a.website()), new Field("birthdate", a.birthdate()))) {
      if (f.value() != null) text(f.name(), f.value(), 1024, TEXT);
    }
    List<Email> emails = list("emails", a.emails(), 1, e -> List.of(
        new Field("value", e.value()), new Field("type", e.type())));
    List<Address> addresses = list("addresses", a.addresses(), 1, x -> List.of(
        new Field("streetAddress", x.streetAddress()), new Field("locality", x.locality()),
        new Field("region", x.region()), new Field("postalCode", x.postalCode()), new Field("country", x.country()),
        new Field("formatted", x.formatted()), new Field("type", x.type())));
    List<PhoneNumber> phones = list("phoneNumbers", a.phoneNumbers(), 1, p -> List.of(
        new Field("value", p.value()), new Field("type", p.type())));
    List<Role> roles = list("roles", a.roles(), 1, r -> List.of(
        new Field("value", r.value()), new Field("type", r.type())));
    List<Photo> photos = list("photos", a.photos(), 3, p -> List.of(
        new Field("value", p.value()), new Field("type", p.type()), new Field("display", p.display())));
    if (photos != null) {
      for (Photo p : photos) require("photos.value", p.value());
      if (photos.stream().filter(p -> Boolean.TRUE.equals(p.primary())).count() > 1) {
        throw new Validation("photos: Only one photo can be designated as primary");
      }
    }
    Map<String, JsonNode> extensions = extensions(a.extensions());
    return new UserAttributes(a.userName(), a.name(), a.displayName(), a.nickName(), a.profileUrl(), emails,
        addresses, phones, a.userType(), a.title(), a.preferredLanguage(), a.locale(), a.timezone(), photos,
        a.website(), a.birthdate(), roles, extensions);
  }

  /** Checks a group's display name (required in IAM Identity Center) and description. */
  static void checkGroup(String displayName, String description) {
    require("displayName", displayName);
    text("displayName", displayName, 1024, GROUP_NAME);
    notReserved("displayName", displayName);
    if (description != null) text("description", description, 1024, TEXT);
  }

  /** Checks the names of requested extensions (DescribeUser, ListUsers). */
  static void checkExtensionNames(List<String> names) {
    if (names == null) return;
    for (String name : names) {
      if (!ENTERPRISE_EXTENSION.equals(name)) throw unsupportedExtension(name);
    }
  }

  private static Map<String, JsonNode> extensions(Map<String, JsonNode> extensions) {
    if (extensions == null || extensions.isEmpty()) return null;
    for (var e : extensions.entrySet()) {
      if (!ENTERPRISE_EXTENSION.equals(e.getKey())) throw unsupportedExtension(e.getKey());
      JsonNode value = e.getValue();
      if (value == null || !value.isObject()) {
        throw new Validation(e.getKey() + ": The extension value must be an object");
      }
      value.fields().forEachRemaining(f -> {
        String path = e.getKey() + "." + f.getKey();
        if (!ENTERPRISE_ATTRIBUTES.contains(f.getKey())) {
          throw new Validation(path + ": Unknown attribute of the extension " + e.getKey());
        }
        if (f.getKey().equals("manager")) {
          JsonNode v = f.getValue().get("value");
          if (!f.getValue().isObject() || f.getValue().size() != 1 || v == null || !v.isTextual()) {
            throw new Validation(path + ": The attribute manager must be an object with a string value");
          }
          text(path + ".value", v.asText(), 1024, TEXT);
        } else {
          if (!f.getValue().isTextual()) throw new Validation(path + ": The attribute " + path + " must be a string");
          text(path, f.getValue().asText(), 1024, TEXT);
        }
      });
    }
    return extensions;
  }

  private record Field(String name, String value) {}

  private static <T> List<T> list(String attribute, List<T> items, int max, Function<T, List<Field>> fields) {
    if (items == null || items.isEmpty()) return null;
    if (items.size() > max) {
      throw new Validation(attribute + ": The attribute " + attribute + " can have at most " + max
          + (max == 1 ? " value" : " values"));
    }
    List<T> out = new ArrayList<>(items.size());
    for (T item : items) {
      if (item == null) throw new Validation(attribute + ": The attribute " + attribute + " cannot contain null");
      texts(attribute, fields.apply(item));
      out.add(item);
    }
    return List.copyOf(out);
  }

  private static void texts(String parent, List<Field> fields) {
    for (Field f : fields) if (f.value() != null) text(parent + "." + f.name(), f.value(), 1024, TEXT);
  }

  private static void require(String attribute, String value) {
    if (blank(value)) throw required(attribute);
  }

  private static Validation required(String attribute) {
    return new Validation(attribute + ": The attribute " + attribute + " is required");
  }

  /** IAM Identity Center's required profile attributes, all missing ones in one message as AWS reports them. */
  private static void requireProfile(UserAttributes a) {
    List<String> missing = new ArrayList<>();
    if (blank(a.displayName())) missing.add("displayname");
    if (a.name() == null) {
      missing.add("name");
    } else {
      if (blank(a.name().givenName())) missing.add("givenname");
      if (blank(a.name().familyName())) missing.add("familyname");
    }
    if (!missing.isEmpty()) {
      throw new Validation(String.join(", ", missing.stream().map(m -> m + ": The attribute " + m + " is required")
          .toList()));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void text(String attribute, String value, int max, Pattern pattern) {
    if (value.isEmpty() || value.codePointCount(0, value.length()) > max) {
      throw new Validation(attribute + ": The attribute " + attribute + " must be between 1 and " + max
          + " characters long");
    }
    if (!pattern.matcher(value).matches()) {
      throw new Validation(attribute + ": The attribute " + attribute + " contains characters that are not allowed");
    }
  }

  private static void notReserved(String attribute, String value) {
    if (RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
      throw new Validation(attribute + ": " + value + " is a reserved name and can't be used for users or groups");
    }
  }

  private static Validation unsupportedExtension(String name) {
    return new Validation("Unsupported extension " + name + "; the only supported extension is " + ENTERPRISE_EXTENSION);
  }
}
