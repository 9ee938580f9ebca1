package io.gatehouse.server.auth;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code access_keys} table. Every method runs in the caller's handle, so a write joins the
 * caller's transaction (which must also append to the change log).
 */
interface AccessKeyStore {
  Optional<StoredAccessKey> find(Handle handle, String accessKeyId);

  List<StoredAccessKey> all(Handle handle);

  List<StoredAccessKey> forPrincipal(Handle handle, String principalUserId);

  /** Inserts the key unless its id exists; true if inserted. */
  boolean insertIfAbsent(Handle handle, StoredAccessKey key);

  boolean updateSecret(Handle handle, String accessKeyId, String secretSealed);

  boolean updateStatus(Handle handle, String accessKeyId, AccessKeyStatus status);

  boolean delete(Handle handle, String accessKeyId);

  /** Points every key of a principal at its new ARN (an IAM user renamed or moved to another path). */
  int updatePrincipalArn(Handle handle, String principalUserId, String principalArn);

  /** Records a use unless a later one is already recorded. */
  boolean recordLastUse(Handle handle, String accessKeyId, java.time.Instant at, String region, String service);
}
