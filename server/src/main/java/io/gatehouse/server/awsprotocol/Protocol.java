package io.gatehouse.server.awsprotocol;

/** The three AWS wire protocols Gatehouse speaks, as named in a model's {@code metadata.protocol}. */
enum Protocol {
  /** awsJson1_1: POST /, X-Amz-Target selects the operation, the body is the input structure. */
  JSON,
  /** awsQuery: form parameters Action/Version plus flattened input members; XML responses. */
  QUERY,
  /** restJson1: method and path select the operation; members bound to path, query, headers and body. */
  REST_JSON;

  static Protocol fromModel(String name) {
    return switch (name) {
      case "json" -> JSON;
      case "query" -> QUERY;
      case "rest-json" -> REST_JSON;
      default -> throw new IllegalArgumentException("unsupported protocol in model: " + name);
    };
  }
}
