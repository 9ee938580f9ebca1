package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;

/** A unique attribute and its value, e.g. {@code userName} = "jdoe"; the value is a document (a string here). */
public record UniqueAttribute(String attributePath, JsonNode attributeValue) {}
