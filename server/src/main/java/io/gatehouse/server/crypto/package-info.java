/**
 * Secrets at rest: the {@link io.gatehouse.server.crypto.Keyring} of AES-256 keys kept in the data
 * dir, and AES-GCM sealing under it. Long-term secret access keys are sealed (SigV4 needs the plain
 * secret back, so they cannot be hashed); session tokens of temporary credentials will be sealed
 * records that any server holding the same keyring can open without a database read.
 */
package io.gatehouse.server.crypto;
