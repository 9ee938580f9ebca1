package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an operation's result (a record, a JsonNode, a Map...) into a tree shaped by the output
 * shape: the model's member names, only the members the shape declares, nulls left out, and
 * timestamps as epoch-seconds numbers. The JSON encoder writes the tree as is; the XML encoder
 * walks it again with the shape.
 */
final class OutputTree {
  private OutputTree() {}

  private static final ClassValue<Map<String, MethodHandle>> ACCESSORS = new ClassValue<>() {
    @Override
    protected Map<String, MethodHandle> computeValue(Class<?> type) {
      Map<String, MethodHandle> byLowerName = new HashMap<>();
      for (RecordComponent rc : type.getRecordComponents()) {
        try {
          Method accessor = rc.getAccessor();
          accessor.setAccessible(true);
          byLowerName.put(rc.getName().toLowerCase(Locale.ROOT), MethodHandles.lookup().unreflect(accessor));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read record " + type.getName(), e);
        }
      }
      return Map.copyOf(byLowerName);
    }
  };

  /** A record component and the output member it fills. */
  private record Field(Member member, MethodHandle accessor) {}

  /** Per record class and shape, the components that are members, in the shape's order; worked out once. */
  private static final ClassValue<Map<Shape, Field[]>> FIELDS = new ClassValue<>() {
    @Override
    protected Map<Shape, Field[]> computeValue(Class<?> type) {
      return new java.util.concurrent.ConcurrentHashMap<>();
    }
  };

  private static Field[] fields(Class<?> type, Shape shape) {
    return FIELDS.get(type).computeIfAbsent(shape, s -> {
      Map<String, MethodHandle> accessors = ACCESSORS.get(type);
      java.util.List<Field> fields = new java.util.ArrayList<>();
      for (Member m : s.members.values()) {
        MethodHandle accessor = accessors.get(m.name().toLowerCase(Locale.ROOT));
        if (accessor != null) fields.add(new Field(m, accessor));
      }
      return fields.toArray(Field[]::new);
    });
  }

  /** @return the tree, or null when {@code value} is null */
  static JsonNode of(Object value, Shape shape) {
    if (value == null) return null;
    if (value instanceof java.util.Optional<?> o) return o.map(v -> of(v, shape)).orElse(null);
    return switch (shape.type) {
      case STRUCTURE -> structure(value, shape);
      case LIST -> {
        ArrayNode items = WireJson.NODES.arrayNode();
        for (Object item : iterable(value)) {
          JsonNode n = of(item, shape.listMember.shape());
          items.add(n == null ? WireJson.NODES.nullNode() : n);
        }
        yield items;
      }
      case MAP -> {
        ObjectNode entries = WireJson.NODES.objectNode();
        if (value instanceof JsonNode node) {
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = of(e.getValue(), shape.mapValue.shape());
            if (v != null) entries.set(e.getKey(), v);
          }
        } else {
          for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            JsonNode v = of(e.getValue(), shape.mapValue.shape());
            if (v != null) entries.set(String.valueOf(e.getKey()), v);
          }
        }
        yield entries;
      }
      case STRING -> value instanceof JsonNode n ? (n.isNull() ? null : WireJson.NODES.textNode(n.isTextual() ? n.textValue() : n.toString()))
          : WireJson.NODES.textNode(value.toString());
      case INTEGER, LONG, FLOAT, DOUBLE -> number(value);
      case BOOLEAN -> value instanceof JsonNode n ? (n.isNull() ? null : WireJson.NODES.booleanNode(n.asBoolean()))
          : WireJson.NODES.booleanNode((Boolean) value);
      case TIMESTAMP -> timestamp(value);
      case BLOB -> value instanceof byte[] b ? WireJson.NODES.textNode(Base64.getEncoder().encodeToString(b))
          : WireJson.NODES.textNode(value instanceof JsonNode n ? n.asText() : value.toString());
      case DOCUMENT -> value instanceof JsonNode n ? n : WireJson.MAPPER.valueToTree(value);
    };
  }

  private static JsonNode structure(Object value, Shape shape) {
    ObjectNode out = WireJson.NODES.objectNode();
    if (value instanceof JsonNode node) {
      if (!node.isObject()) return null;
      for (Member m : shape.members.values()) {
        JsonNode v = of(lookup(node, m.name()), m.shape());
        if (v != null && !v.isNull()) out.set(m.name(), v);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Member m : shape.members.values()) {
        JsonNode v = of(lookup(map, m.name()), m.shape());
        if (v != null) out.set(m.name(), v);
      }
    } else if (value.getClass().isRecord()) {
      for (Field f : fields(value.getClass(), shape)) {
        JsonNode v = of(read(f.accessor, value), f.member.shape());
        if (v != null) out.set(f.member.name(), v);
      }
    } else {
      throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as structure " + shape.name);
    }
    return out;
  }

  /** The entry for a member: by its exact name, then with a lower-case first letter, then ignoring case. */
  private static JsonNode lookup(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v != null) return v;
    v = node.get(lowerFirst(name));
    if (v != null) return v;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equalsIgnoreCase(name)) return node.get(f);
    }
    return null;
  }

  private static Object lookup(Map<?, ?> map, String name) {
    Object v = map.get(name);
    if (v != null) return v;
    v = map.get(lowerFirst(name));
    if (v != null) return v;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }

  private static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Object read(MethodHandle accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static Iterable<?> iterable(Object value) {
    if (value instanceof Iterable<?> it) return it;
    if (value instanceof Object[] array) return java.util.Arrays.asList(array);
    throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as a list");
  }

  private static JsonNode number(Object value) {
    return switch (value) {
      case JsonNode n -> n.isNull() ? null : n;
      case Integer i -> WireJson.NODES.numberNode(i);
      case Long l -> WireJson.NODES.numberNode(l);
      case Short s -> WireJson.NODES.numberNode(s);
      case Double d -> WireJson.NODES.numberNode(d);
      case Float f -> WireJson.NODES.numberNode(f);
      case BigDecimal b -> WireJson.NODES.numberNode(b);
      case BigInteger b -> WireJson.NODES.numberNode(b);
      case Number n -> WireJson.NODES.numberNode(n.longValue());
      default -> throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as a number");
    };
  }

  private static JsonNode timestamp(Object value) {
    return switch (value) {
      case Instant t -> Timestamps.epochNode(t);
      case OffsetDateTime t -> Timestamps.epochNode(t.toInstant());
      case ZonedDateTime t -> Timestamps.epochNode(t.toInstant());
      case Number n -> WireJson.NODES.numberNode(new BigDecimal(n.toString()));
      case JsonNode n -> n.isNull() ? null : Timestamps.fromNode(n) == null ? null : Timestamps.epochNode(Timestamps.fromNode(n));
      case String s -> Timestamps.parseText(s);
      default -> throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as a timestamp");
    };
  }
}
