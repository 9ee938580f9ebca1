package io.gatehouse.server.awsprotocol;

/**
 * One broken constraint of the input, worded as AWS words it:
 * {@code Value 'x' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128}.
 *
 * @param kind which constraint
 * @param path the member path in lowerCamelCase ({@code emails.1.member.value})
 * @param value the offending value as AWS quotes it ({@code 'x'}), {@code null}, or empty for sensitive members
 * @param constraint the constraint's wording
 */
record Violation(Kind kind, String path, String value, String constraint) {
  enum Kind { REQUIRED, MIN_LENGTH, MAX_LENGTH, MIN_VALUE, MAX_VALUE, PATTERN, ENUM, TYPE }

  String message() {
    return "Value " + (value.isEmpty() ? "" : value + " ") + "at '" + path + "' failed to satisfy constraint: " + constraint;
  }
}
