package io.gatehouse.policy;

import io.gatehouse.policy.internal.eval.RequestView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to authorize: who (an IAM user, role, assumed-role session or federated-user ARN,
 * the account root ARN, a service principal such as {@code sns.amazonaws.com}, or
 * {@code "anonymous"}), which action, on which resource (an ARN or {@code "*"}), in which account
 * the resource lives, and the request context (keys are case-insensitive; multivalued keys have
 * several values). Immutable; it is prepared once at build time, so authorizing the same request
 * many times is cheap.
 */
public final class AuthorizationRequest {
    private final String principal;
    private final String action;
    private final String resource;
    private final Map<String, List<String>> context;
    private final RequestView view;

    private AuthorizationRequest(Builder b) {
        this.principal = Objects.requireNonNull(b.principal, "principal");
        this.action = Objects.requireNonNull(b.action, "action");
        this.resource = Objects.requireNonNull(b.resource, "resource");
        Map<String, List<String>> ctx = LinkedHashMap.newLinkedHashMap(b.context.size());
        ctx.putAll(b.context); // the builder holds immutable lists already
        this.context = java.util.Collections.unmodifiableMap(ctx);
        this.view = new RequestView(principal, b.roleArn, action, resource, b.resourceAccount, ctx,
                b.principalInManagementAccount, b.resourceInManagementAccount);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The resource's account: as given, else the ARN's account field, else the principal's account. */
    public String resourceAccount() {
        return view.resourceAccount();
    }

    public Map<String, List<String>> context() {
        return context;
    }

    RequestView view() {
        return view;
    }

    /** Builds a request; {@code principal}, {@code action} and {@code resource} are required. */
    public static final class Builder {
        private String principal;
        private String roleArn;
        private String action;
        private String resource;
        private String resourceAccount;
        private final Map<String, List<String>> context = new LinkedHashMap<>();
        private boolean principalInManagementAccount;
        private boolean resourceInManagementAccount;

        private Builder() {}

        public Builder principal(String principal) {
            this.principal = principal;
            return this;
        }

        /** For an assumed-role session, the role's ARN with its path (derived from the session ARN otherwise). */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** Needed when the ARN carries no account (S3) or the resource is {@code "*"}. */
        public Builder resourceAccount(String resourceAccount) {
            this.resourceAccount = resourceAccount;
            return this;
        }

        public Builder context(String key, String... values) {
            context.put(key, List.of(values));
            return this;
        }

        public Builder context(String key, List<String> values) {
            context.put(key, List.copyOf(values));
            return this;
        }

        public Builder context(Map<String, List<String>> entries) {
            entries.forEach(this::context);
            return this;
        }

        /** The organization's management account is not restricted by SCPs. */
        public Builder principalInManagementAccount(boolean yes) {
            this.principalInManagementAccount = yes;
            return this;
        }

        /** Resources in the management account are not restricted by RCPs. */
        public Builder resourceInManagementAccount(boolean yes) {
            this.resourceInManagementAccount = yes;
            return this;
        }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(this);
        }
    }
}
