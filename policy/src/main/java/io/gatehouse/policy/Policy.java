package io.gatehouse.policy;

import io.gatehouse.policy.internal.model.PolicyDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid, compiled policy document: immutable and safe to share between threads. Obtain one from
 * {@link PolicyParser}; evaluate it with an {@link Authorizer}. A name (e.g. the managed policy's
 * name) is used in explanations.
 */
public final class Policy {
    private final PolicyType type;
    private final String json;
    private final PolicyDocument document;
    private final String name;

    Policy(PolicyType type, String json, PolicyDocument document, String name) {
        this.type = type;
        this.json = json;
        this.document = document;
        this.name = name;
    }

    public PolicyType type() {
        return type;
    }

    /** The document as it was given. */
    public String json() {
        return json;
    }

    /** "2012-10-17", "2008-10-17", or empty when the document has no Version. */
    public Optional<String> version() {
        return Optional.ofNullable(document.version());
    }

    public Optional<String> id() {
        return Optional.ofNullable(document.id());
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public int statementCount() {
        return document.statements().size();
    }

    /** The same policy under another name (for explanations). */
    public Policy named(String newName) {
        return new Policy(type, json, document, Objects.requireNonNull(newName, "newName"));
    }

    PolicyDocument document() {
        return document;
    }

    @Override
    public String toString() {
        return "Policy[" + type + (name == null ? "" : " " + name) + ", " + statementCount() + " statements]";
    }
}
