package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.core.Caller;
import java.time.Instant;

/**
 * Decides whether a signed call may go ahead, after its input is decoded and validated and before
 * the operation runs. The endpoint knows nothing of policies: an implementation (the policy engine
 * over the server's snapshots) either returns or throws {@link Denied}, which the endpoint answers
 * in the protocol's access-denied shape.
 */
@FunctionalInterface
public interface CallAuthorizer {
  /** Lets every call through: for endpoints under test that exercise the protocol alone. */
  CallAuthorizer ALLOW_ALL = call -> {};

  /** @throws Denied when the caller may not make this call */
  void authorize(Call call);

  /**
   * One call as the authorizer sees it.
   *
   * @param service the model folder name, e.g. {@code iam}, {@code sso-admin}
   * @param operation the model's operation name
   * @param caller the authenticated principal; null for unsigned operations
   * @param input the decoded, validated input keyed by model member names
   * @param region the region of the SigV4 credential scope
   * @param sourceIp the client's address, or null
   * @param secureTransport whether the request came over TLS
   * @param time when the request arrived (the server's clock)
   */
  record Call(String service, String operation, Caller caller, JsonNode input, String region, String sourceIp,
      boolean secureTransport, Instant time) {}

  /**
   * A refusal, answered as {@code AccessDenied} (403, query protocol) or
   * {@code AccessDeniedException} (JSON protocols) with this message.
   */
  final class Denied extends RuntimeException {
    public Denied(String message) {
      super(message, null, false, false);
    }
  }
}
