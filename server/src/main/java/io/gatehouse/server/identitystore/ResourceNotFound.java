package io.gatehouse.server.identitystore;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ResourceNotFoundException}: the store, user, group or membership does not exist. */
public final class ResourceNotFound extends IdentityStoreException {
  private final ResourceType resourceType;
  private final String resourceId;

  public ResourceNotFound(ResourceType resourceType, String resourceId) {
    super("ResourceNotFoundException", resourceType + " not found.", fields(resourceType, resourceId));
    this.resourceType = resourceType;
    this.resourceId = resourceId;
  }

  private static Map<String, Object> fields(ResourceType type, String id) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ResourceType", type.name());
    if (id != null) f.put("ResourceId", id);
    return f;
  }

  public ResourceType resourceType() {
    return resourceType;
  }

  /** The id that was asked for, or null when the lookup was by another attribute. */
  public String resourceId() {
    return resourceId;
  }
}
