package io.gatehouse.server.authz;

import java.util.Map;

/**
 * Supplies the ARN template variables an operation's input does not carry: the partition, the
 * account that owns the resource, the organization id, the path of an existing IAM entity, the
 * type of an Organizations policy. The enforcement layer implements it over its snapshot.
 */
@FunctionalInterface
public interface ArnResolver {
  /**
   * @param resourceType the reference's resource type, e.g. {@code role}, {@code organizationalunit}
   * @param variable the template variable, e.g. {@code Partition}, {@code Account}, {@code RoleNameWithPath}
   * @param bound the values bound from the input so far, by template variable (and by name member for IAM paths), as the input gives them (ids keep their prefix: {@code PolicyId -> p-abcd1234})
   * @return the value (an id may keep its prefix, {@code o-abc} for {@code o-${OrganizationId}}), or null when unknown
   */
  String resolve(String resourceType, String variable, Map<String, String> bound);

  /**
   * The resolver for a request without a snapshot: partition {@code aws}, the given account (also
   * {@code AccountId} of resources that name their owner so), the given organization id (may be
   * null); nothing else.
   */
  static ArnResolver of(String accountId, String organizationId) {
    return (type, variable, bound) -> switch (variable) {
      case "Partition" -> "aws";
      case "Account" -> accountId;
      case "OrganizationId" -> organizationId;
      default -> null;
    };
  }
}
