package io.gatehouse.server.bootstrap;

import io.gatehouse.server.config.Secret;

/**
 * The management account root's access key.
 *
 * @param origin where the key came from at this start
 */
public record RootCredentials(String accountId, String accessKeyId, Secret secretAccessKey, Origin origin) {
  public enum Origin {
    /** From {@code GATEHOUSE_ROOT_ACCESS_KEY_ID} / {@code _SECRET_ACCESS_KEY} (or the flags). */
    CONFIGURED,
    /** Generated at this start, the first one; written to the root-credentials file and printed. */
    GENERATED,
    /** Generated at an earlier start (perhaps by another server on the same database): the secret is not known here. */
    EXISTING
  }
}
