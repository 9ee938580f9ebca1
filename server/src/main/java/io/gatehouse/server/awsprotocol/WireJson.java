package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one ObjectMapper of the protocol layer, configured once: strict parsing, exact decimals. */
final class WireJson {
  private WireJson() {}

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
}
