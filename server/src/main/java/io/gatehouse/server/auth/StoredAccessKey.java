package io.gatehouse.server.auth;

import io.gatehouse.server.core.Caller;
import java.time.Instant;

/**
 * One row of {@code access_keys}: a long-term key, its owner and its sealed secret.
 *
 * @param secretSealed the secret sealed by the keyring, base64
 * @param lastUsedAt when it last signed a request, or null
 */
record StoredAccessKey(
    String accessKeyId,
    String accountId,
    String principalArn,
    String principalUserId,
    Caller.PrincipalType principalType,
    String secretSealed,
    AccessKeyStatus status,
    Instant createdAt,
    Instant lastUsedAt,
    String lastUsedRegion,
    String lastUsedService) {}
