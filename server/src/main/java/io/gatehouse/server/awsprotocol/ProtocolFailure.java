package io.gatehouse.server.awsprotocol;

import java.util.List;

/**
 * A request the protocol layer refuses before it reaches a feature. {@link ErrorResponses} turns
 * each kind into the code and status of the request's protocol and service.
 */
final class ProtocolFailure extends RuntimeException {
  enum Kind {
    /** No such operation in the model, or none registered for it. */
    UNKNOWN_OPERATION,
    /** Query protocol without an {@code Action}. */
    MISSING_ACTION,
    /** Body or query string that does not parse: bad JSON, bad percent-encoding, invalid UTF-8. */
    MALFORMED_REQUEST,
    /** A JSON value of the wrong type for its member (AWS: SerializationException). */
    TYPE_MISMATCH,
    /** A content type the protocol does not read. */
    UNSUPPORTED_MEDIA_TYPE,
    /** A body larger than the configured limit. */
    BODY_TOO_LARGE,
    /** Input that breaks the model's constraints; {@link #violations()} says which. */
    VALIDATION,
    /** A pagination token the server never issued. */
    INVALID_PAGE_TOKEN
  }

  private final Kind kind;
  private final List<Violation> violations;

  ProtocolFailure(Kind kind, String message) {
    this(kind, message, List.of());
  }

  ProtocolFailure(Kind kind, String message, List<Violation> violations) {
    super(message, null, false, false);
    this.kind = kind;
    this.violations = violations;
  }

  static ProtocolFailure invalid(List<Violation> violations) {
    int n = violations.size();
    StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " validation error detected: " : " validation errors detected: ");
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append("; ");
      sb.append(violations.get(i).message());
    }
    return new ProtocolFailure(Kind.VALIDATION, sb.toString(), List.copyOf(violations));
  }

  Kind kind() {
    return kind;
  }

  List<Violation> violations() {
    return violations;
  }
}
