package io.gatehouse.bench.server;

/** A call made to prepare a workload (not a measured one) failed; the run cannot start. */
final class SetupFailedException extends RuntimeException {
    private final int status;

    SetupFailedException(String what, int status, String body) {
        super(what + " failed with HTTP " + status + ": " + abbreviate(body));
        this.status = status;
    }

    SetupFailedException(String what, Exception cause) {
        super(what + " failed: " + cause, cause);
        this.status = -1;
    }

    int status() {
        return status;
    }

    static String abbreviate(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
