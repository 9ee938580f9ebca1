package io.gatehouse.server.core;

import java.time.Instant;

/**
 * What a feature's operation knows about the request it serves.
 *
 * @param requestId the id returned to the client and written to logs
 * @param service the model folder name of the service, e.g. {@code identitystore}
 * @param operation the model operation name, e.g. {@code CreateUser}
 * @param caller the authenticated principal; {@code null} only for unsigned operations (sso, sso-oidc)
 * @param region the region of the SigV4 credential scope (any region is accepted)
 * @param sourceIp the client's address
 * @param time when the request arrived, from the server's injected clock
 * @param host the Host header as the client sent it (how it reached this server), or null
 */
public record RequestContext(
    String requestId, String service, String operation, Caller caller, String region, String sourceIp, Instant time,
    String host) {}
