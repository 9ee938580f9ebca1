package io.gatehouse.server.identitycenter;

import java.time.Instant;

/**
 * An IAM Identity Center instance: {@code arn:aws:sso:::instance/ssoins-<16 hex>}, bound to the
 * organization's identity store and owned by the management account.
 *
 * @param name null when unnamed (as instances enabled from the console are)
 */
public record Instance(
    String instanceArn, String identityStoreId, String ownerAccountId, String name, String status, Instant createdDate) {

  static final String ARN_PREFIX = "arn:aws:sso:::instance/";

  /** The {@code ssoins-…} part of the ARN. */
  public String instanceId() {
    return instanceArn.substring(ARN_PREFIX.length());
  }
}
