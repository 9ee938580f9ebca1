package io.gatehouse.server.awsprotocol;

/**
 * A member of a structure shape (or the element, key or value of a list or map).
 *
 * @param name the member name in the model, as it appears in JSON bodies
 * @param shape the member's target shape
 * @param location where rest-json binds it: {@code uri}, {@code querystring}, {@code header}, or null for the body
 * @param locationName the name on the wire for a location, or the XML/query element name; null when it is {@code name}
 * @param flattened query/XML lists and maps written without a wrapper element
 * @param path the name used in validation messages: {@code name} with a lower-case first letter
 */
record Member(String name, Shape shape, String location, String locationName, boolean flattened, String path) {

  /** The element or parameter name in query requests and XML responses. */
  String wireName() {
    return locationName != null ? locationName : name;
  }

  boolean inBody() {
    return location == null;
  }
}
