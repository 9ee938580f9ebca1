package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What authorizing one operation means: the IAM action, the resource types (with their ARN
 * templates and where the input fills them), the condition keys that apply, and the context keys
 * the input feeds. Immutable; one per (service, operation), built at load.
 *
 * @see OperationCatalog
 */
public final class CatalogEntry {
  private final String service;
  private final String operation;
  private final Access access;
  private final String action;
  private final List<ResourceType> resourceTypes;
  private final List<ConditionKey> conditionKeys;
  private final List<RequestKey> requestKeys;
  private final String overrideReason;

  CatalogEntry(String service, String operation, Access access, String action, List<ResourceType> resourceTypes,
      List<ConditionKey> conditionKeys, List<RequestKey> requestKeys, String overrideReason) {
    this.service = service;
    this.operation = operation;
    this.access = access;
    this.action = action;
    this.resourceTypes = List.copyOf(resourceTypes);
    this.conditionKeys = List.copyOf(conditionKeys);
    this.requestKeys = List.copyOf(requestKeys);
    this.overrideReason = overrideReason;
  }

  /** The model folder name, e.g. {@code sso-admin}. */
  public String service() {
    return service;
  }

  /** The model's operation name, e.g. {@code CreatePermissionSet}. */
  public String operation() {
    return operation;
  }

  public Access access() {
    return access;
  }

  /** The IAM action, e.g. {@code sso:CreatePermissionSet}; null only for {@link Access#UNSIGNED}. */
  public String action() {
    return action;
  }

  /** The resource types of the action; empty when it takes none (the resource is {@code *}). */
  public List<ResourceType> resourceTypes() {
    return resourceTypes;
  }

  /** The keys of the action and of its resource types, each once, with their types. */
  public List<ConditionKey> conditionKeys() {
    return conditionKeys;
  }

  /** Why this entry departs from "the action named like the operation", or null when it does not. */
  public String overrideReason() {
    return overrideReason;
  }

  /** True when the action or one of its resource types can be conditioned on {@code key} (case-insensitive, {@code aws:RequestTag/${TagKey}} covers {@code aws:RequestTag/team}). */
  public boolean supportsConditionKey(String key) {
    for (ConditionKey k : conditionKeys) {
      if (k.templated() ? key.regionMatches(true, 0, k.prefix(), 0, k.prefix().length()) && key.length() > k.prefix().length()
          : k.name().equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ARNs this request acts on: for each resource type whose variables the input (or the
   * resolver) fills, its ARN(s); {@code ["*"]} when the action takes no resource or none could be
   * determined.
   *
   * @param input the decoded input, keyed by model member names (null for an empty input)
   */
  public List<String> resourceArns(JsonNode input, ArnResolver resolver) {
    if (resourceTypes.isEmpty()) return STAR;
    JsonNode in = input == null ? EMPTY : input;
    List<String> out = new ArrayList<>(2);
    for (ResourceType t : resourceTypes) t.arns(in, resolver, out);
    return out.isEmpty() ? STAR : out;
  }

  /** Adds the service and request keys the input carries (aws:RequestTag/*, aws:TagKeys, iam:PolicyARN, ...) to {@code context}. */
  public void addRequestKeys(JsonNode input, Map<String, List<String>> context) {
    if (input == null) return;
    for (RequestKey k : requestKeys) k.addTo(input, context);
  }

  /** The request keys this operation's input can feed, e.g. {@code iam:PolicyARN <- PolicyArn}. */
  public List<String> requestKeySources() {
    return requestKeys.stream().map(RequestKey::toString).toList();
  }

  private static final List<String> STAR = List.of("*");
  private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

  @Override
  public String toString() {
    return service + ":" + operation + " -> " + access + " " + action + " " + resourceTypes;
  }
}
