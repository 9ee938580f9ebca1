package io.gatehouse.server.auth;

import java.time.Instant;

/**
 * What IAM tells about a key without its secret (ListAccessKeys, GetAccessKeyLastUsed).
 *
 * @param lastUsedDate when it last signed an accepted request (recorded by {@link AccessKeys#flushLastUsed()}), or null
 * @param lastUsedRegion the region of that request's credential scope, or null
 * @param lastUsedService the signing name of that request's service, or null
 */
public record AccessKeyMetadata(
    String accessKeyId,
    String accountId,
    String ownerArn,
    String ownerUserId,
    AccessKeyStatus status,
    Instant createDate,
    Instant lastUsedDate,
    String lastUsedRegion,
    String lastUsedService) {

  static AccessKeyMetadata of(StoredAccessKey key) {
    return new AccessKeyMetadata(key.accessKeyId(), key.accountId(), key.principalArn(), key.principalUserId(),
        key.status(), key.createdAt(), key.lastUsedAt(), key.lastUsedRegion(), key.lastUsedService());
  }
}
