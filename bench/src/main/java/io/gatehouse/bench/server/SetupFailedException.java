package io.gatehouse.bench.server;

/** A call made to prepare a workload (not a measured one) failed; the run cannot start. */
final class SetupFailedException extends RuntimeException {
  SetupFailedException(String what, int status, String body) {
    super(what + " failed with HTTP " + status + ": " + abbreviate(body));
  }

  SetupFailedException(String what, Exception cause) {
    super(what + " failed: " + cause, cause);
  }

  static String abbreviate(String body) {
    return body.length() <= 400 ? body : body.substring(0, 400) + "…";
  }
}
