package io.gatehouse.server.awsprotocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shape of a service model with the constraints the protocol layer checks. Shapes refer to each
 * other (and sometimes to themselves), so {@link ServiceModels} creates them all first and links
 * their members afterwards; once a model is published no field changes.
 */
final class Shape {
  enum Type { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN, TIMESTAMP, BLOB, DOCUMENT }

  final String name;
  final Type type;
  /** Length of strings and blobs, size of lists and maps, value of numbers. */
  final Long min;
  final Long max;
  /** Compiled once here; null when the model gives none (or one Java cannot compile). */
  final Pattern pattern;
  final List<String> enumValues;
  final Set<String> enumSet;
  final boolean sensitive;
  final boolean flattened;
  final boolean exception;
  /** Query-protocol wire code of an error shape ({@code error.code}), or null. */
  final String errorCode;
  /** {@code error.httpStatusCode} of an error shape, or 0. */
  final int errorStatus;

  // Linked after every shape of the model exists.
  Map<String, Member> members = Map.of();
  /** Members by lower-cased name, to find record components and mis-cased keys. */
  Map<String, Member> membersByLowerName = Map.of();
  List<String> required = List.of();
  Member listMember;
  Member mapKey;
  Member mapValue;

  Shape(
      String name, Type type, Long min, Long max, Pattern pattern, List<String> enumValues, boolean sensitive,
      boolean flattened, boolean exception, String errorCode, int errorStatus) {
    this.name = name;
    this.type = type;
    this.min = min;
    this.max = max;
    this.pattern = pattern;
    this.enumValues = enumValues;
    this.enumSet = enumValues == null ? null : Set.copyOf(enumValues);
    this.sensitive = sensitive;
    this.flattened = flattened;
    this.exception = exception;
    this.errorCode = errorCode;
    this.errorStatus = errorStatus;
  }

  Member member(String memberName) {
    return members.get(memberName);
  }

  /** The member whose name equals {@code name} ignoring case, or null. */
  Member memberIgnoringCase(String memberName) {
    Member m = members.get(memberName);
    return m != null ? m : membersByLowerName.get(memberName.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
