/**
 * AWS STS: GetCallerIdentity, GetSessionToken and AssumeRole, with temporary credentials that are
 * self-contained (an {@code ASIA…} key whose session token is sealed by the keyring and carries the
 * principal, session policies, tags and source identity). AssumeRole is authorized by the policy
 * engine from in-memory snapshots of IAM and the organization.
 */
package io.gatehouse.server.sts;
