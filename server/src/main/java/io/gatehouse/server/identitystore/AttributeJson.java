package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;

/**
 * JSON for user attributes, both as stored and as UpdateUser's documents carry them: lowerCamelCase
 * keys, nulls left out. Reading is strict about types (no number where a string belongs) because a
 * document member bypasses the model's validation.
 */
final class AttributeJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  static {
    for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean)) {
      MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
  }

  private static final TypeReference<List<ExternalId>> EXTERNAL_IDS = new TypeReference<>() {};

  private AttributeJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  static ObjectNode tree(UserAttributes attributes) {
    return MAPPER.valueToTree(attributes);
  }

  /** @throws Validation when the tree does not have the attributes' types */
  static UserAttributes attributes(JsonNode tree) {
    try {
      return MAPPER.treeToValue(tree, UserAttributes.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new Validation("Invalid attribute value: " + describe(e));
    }
  }

  static UserAttributes readAttributes(String json) {
    try {
      return MAPPER.readValue(json, UserAttributes.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user attributes are not valid JSON", e);
    }
  }

  static String writeExternalIds(List<ExternalId> ids) {
    return ids == null || ids.isEmpty() ? null : write(ids);
  }

  static List<ExternalId> readExternalIds(String json) {
    if (json == null) return null;
    try {
      return MAPPER.readValue(json, EXTERNAL_IDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored external ids are not valid JSON", e);
    }
  }

  private static String describe(Exception e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (var ref : m.getPath()) {
        if (ref.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
        else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
      }
      return "the value of " + path + " has the wrong type or an unknown attribute";
    }
    return "the value has the wrong type";
  }
}
