package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds a validated input tree to the operation's input record: components are the model's member
 * names with a lower-case first letter, matched case-insensitively; nested records, lists, sets,
 * maps, {@link Instant} (from epoch seconds), enums, byte[] (base64) and {@link JsonNode} (as is).
 * The reflection work is done once per record class.
 */
final class InputBinder {
  private static final java.util.regex.Pattern NOT_CONSTANT_CHAR = java.util.regex.Pattern.compile("[^A-Z0-9]");

  private InputBinder() {}

  /** A value of the tree that the record cannot hold, e.g. an enum constant the feature lacks. */
  static final class BindException extends RuntimeException {
    final String path;

    BindException(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }
  }

  private record Component(String name, String lowerName, Type type, Class<?> raw) {}

  private record RecordType(Component[] components, MethodHandle constructor) {}

  private static final ClassValue<RecordType> RECORDS = new ClassValue<>() {
    @Override
    protected RecordType computeValue(Class<?> type) {
      RecordComponent[] rc = type.getRecordComponents();
      Component[] components = new Component[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        components[i] = new Component(rc[i].getName(), rc[i].getName().toLowerCase(Locale.ROOT), rc[i].getGenericType(), rc[i].getType());
        types[i] = rc[i].getType();
      }
      try {
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        MethodHandle handle = MethodHandles.lookup().unreflectConstructor(ctor).asSpreader(Object[].class, rc.length);
        return new RecordType(components, handle);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct record " + type.getName(), e);
      }
    }
  };

  /**
   * @param tree the validated input tree
   * @param type the record to build
   * @param shape the input shape: components take the value of the member with their name (ignoring
   *     case), and only that member's — a mis-cased key that the validator skipped as unknown never
   *     reaches the feature
   */
  static <T> T bind(JsonNode tree, Class<T> type, Shape shape) {
    return type.cast(convert(tree, type, shape, ""));
  }

  /**
   * Record components, nested ones included ({@code name.givenName}), that match no member of
   * {@code shape}; empty when the record fits. Checked when an operation is registered.
   */
  static List<String> unmatchedComponents(Class<?> type, Shape shape) {
    List<String> unmatched = new ArrayList<>();
    if (type.isRecord()) unmatched(type, shape, "", unmatched, new java.util.HashSet<>());
    return unmatched;
  }

  private static void unmatched(Class<?> type, Shape shape, String prefix, List<String> out, Set<String> seen) {
    if (shape == null || shape.type != Shape.Type.STRUCTURE) {
      if (shape == null) for (Component c : RECORDS.get(type).components) out.add(prefix + c.name);
      return;
    }
    if (!seen.add(type.getName() + "@" + shape.name)) return;
    for (Component c : RECORDS.get(type).components) {
      Member m = shape.memberIgnoringCase(c.name);
      if (m == null) {
        out.add(prefix + c.name);
        continue;
      }
      Type t = c.type;
      Shape s = m.shape();
      // Follow lists and maps down to the records they hold.
      while (true) {
        Class<?> raw = rawClass(t);
        if (Collection.class.isAssignableFrom(raw) && s.listMember != null) {
          t = elementType(t, 0);
          s = s.listMember.shape();
        } else if (Map.class.isAssignableFrom(raw) && s.mapValue != null) {
          t = elementType(t, 1);
          s = s.mapValue.shape();
        } else {
          break;
        }
      }
      Class<?> raw = rawClass(t);
      if (raw.isRecord()) unmatched(raw, s, prefix + c.name + ".", out, seen);
    }
  }

  private static Object convert(JsonNode node, Type type, Shape shape, String path) {
    Class<?> raw = rawClass(type);
    if (node == null || node.isNull() || node.isMissingNode()) return primitiveDefault(raw);
    if (JsonNode.class.isAssignableFrom(raw)) return node;
    if (raw == String.class) return node.isTextual() ? node.textValue() : node.toString();
    if (raw == Instant.class) {
      Instant t = Timestamps.fromNode(node);
      if (t == null) throw new BindException(path, "Member must be a timestamp");
      return t;
    }
    if (raw == Integer.class || raw == int.class) return checkedNumber(node, path).intValue();
    if (raw == Long.class || raw == long.class) return checkedNumber(node, path).longValue();
    if (raw == Double.class || raw == double.class) return checkedNumber(node, path).doubleValue();
    if (raw == Float.class || raw == float.class) return checkedNumber(node, path).floatValue();
    if (raw == BigDecimal.class) return checkedNumber(node, path).decimalValue();
    if (raw == BigInteger.class) return checkedNumber(node, path).bigIntegerValue();
    if (raw == Boolean.class || raw == boolean.class) {
      if (!node.isBoolean()) throw new BindException(path, "Member must be a boolean");
      return node.booleanValue();
    }
    if (raw == byte[].class) {
      try {
        return Base64.getDecoder().decode(node.asText());
      } catch (IllegalArgumentException e) {
        throw new BindException(path, "Member must be base64-encoded");
      }
    }
    if (raw.isEnum()) return enumConstant(raw, node.asText(), path);
    if (raw.isRecord()) return record(node, raw, shape, path);
    if (List.class.isAssignableFrom(raw) || Collection.class == raw || Iterable.class == raw) {
      return Collections.unmodifiableList(collect(node, elementType(type, 0), element(shape), path, new ArrayList<>()));
    }
    if (Set.class.isAssignableFrom(raw)) {
      return Collections.unmodifiableSet(collect(node, elementType(type, 0), element(shape), path, new LinkedHashSet<>()));
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) throw new BindException(path, "Member must be a map");
      Type valueType = elementType(type, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), convert(e.getValue(), valueType, shape != null && shape.mapValue != null ? shape.mapValue.shape() : null, path + "." + e.getKey()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (raw == Object.class) return WireJson.MAPPER.convertValue(node, Object.class);
    throw new IllegalStateException("cannot bind input to " + raw.getName());
  }

  private static Object record(JsonNode node, Class<?> raw, Shape shape, String path) {
    if (!node.isObject()) throw new BindException(path, "Member must be a structure");
    RecordType rt = RECORDS.get(raw);
    Object[] args = new Object[rt.components.length];
    for (int i = 0; i < args.length; i++) {
      Component c = rt.components[i];
      Member m = shape == null || shape.type != Shape.Type.STRUCTURE ? null : shape.memberIgnoringCase(c.name);
      JsonNode child = shape == null || shape.type != Shape.Type.STRUCTURE ? field(node, c) : m == null ? null : node.get(m.name());
      args[i] = convert(child, c.type, m == null ? null : m.shape(), path.isEmpty() ? c.name : path + "." + c.name);
    }
    try {
      return rt.constructor.invoke(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("record constructor failed", t);
    }
  }

  /** Without a shape (inside documents): the member {@code UserName} or {@code userName}, else any casing. */
  private static JsonNode field(JsonNode node, Component c) {
    String name = c.name;
    JsonNode v = node.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    if (v != null) return v;
    v = node.get(name);
    if (v != null) return v;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.length() == name.length() && f.toLowerCase(Locale.ROOT).equals(c.lowerName)) return node.get(f);
    }
    return null;
  }

  private static <C extends Collection<Object>> C collect(JsonNode node, Type element, Shape elementShape, String path, C out) {
    if (!node.isArray()) throw new BindException(path, "Member must be a list");
    for (int i = 0; i < node.size(); i++) out.add(convert(node.get(i), element, elementShape, path + "." + (i + 1) + ".member"));
    return out;
  }

  private static Shape element(Shape listShape) {
    return listShape != null && listShape.listMember != null ? listShape.listMember.shape() : null;
  }

  private static JsonNode checkedNumber(JsonNode node, String path) {
    if (!node.isNumber()) throw new BindException(path, "Member must be a number");
    return node;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> raw, String text, String path) {
    Class<? extends Enum> e = (Class<? extends Enum>) raw;
    for (Object constant : e.getEnumConstants()) {
      Enum<?> c = (Enum<?>) constant;
      if (c.name().equals(text) || c.toString().equals(text)) return c;
    }
    String normal = NOT_CONSTANT_CHAR.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("_");
    for (Object constant : e.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(normal)) return constant;
    }
    throw new BindException(path, "Member must be one of " + java.util.Arrays.toString(e.getEnumConstants()));
  }

  private static Object primitiveDefault(Class<?> raw) {
    if (!raw.isPrimitive()) return null;
    if (raw == boolean.class) return false;
    if (raw == long.class) return 0L;
    if (raw == double.class) return 0d;
    if (raw == float.class) return 0f;
    return 0;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    if (type instanceof WildcardType w) return rawClass(w.getUpperBounds()[0]);
    return Object.class;
  }

  private static Type elementType(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      Type arg = p.getActualTypeArguments()[index];
      return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
    }
    return JsonNode.class;
  }
}
