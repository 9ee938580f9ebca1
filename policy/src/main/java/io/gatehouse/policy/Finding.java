package io.gatehouse.policy;

import java.util.Objects;

/**
 * One problem found in a policy document: how bad it is, what it is (in AWS's words where AWS has
 * them), and where it is (1-based line and column, 0 when unknown, and a JSON path such as
 * {@code $.Statement[0].Effect}).
 */
public record Finding(Severity severity, String message, int line, int column, String path) {

    /** Errors make a document unusable; warnings point at something AWS accepts but that is likely wrong. */
    public enum Severity { ERROR, WARNING }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + line + ":" + column + " " + path + ": " + message;
    }
}
