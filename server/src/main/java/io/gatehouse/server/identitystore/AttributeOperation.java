package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change of UpdateUser/UpdateGroup: set the attribute at {@code attributePath} to
 * {@code attributeValue}, or remove it when the value is absent or JSON null.
 */
public record AttributeOperation(String attributePath, JsonNode attributeValue) {
  /** The value, or null when the operation removes the attribute. */
  JsonNode valueOrNull() {
    return attributeValue == null || attributeValue.isNull() || attributeValue.isMissingNode() ? null : attributeValue;
  }
}
