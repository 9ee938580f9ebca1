package io.gatehouse.policy;

import io.gatehouse.policy.internal.eval.Evaluator;
import java.util.Set;

/**
 * Decides requests with AWS's policy evaluation logic (see docs/EVALUATION.md). Stateless and
 * thread-safe; create one and share it.
 */
public final class Authorizer {
    /** Services whose resources RCPs restrict (AWS Organizations, "Resource control policies"). */
    public static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "kms", "sqs", "secretsmanager",
            "ecr", "aoss", "cognito-identity", "logs", "dynamodb");

    private final Evaluator evaluator;

    private Authorizer(Set<String> rcpServices) {
        this.evaluator = new Evaluator(rcpServices);
    }

    public static Authorizer aws() {
        return new Authorizer(RCP_SERVICES);
    }

    /** An authorizer that applies RCPs to the given services (lower-case service prefixes). */
    public static Authorizer withRcpServices(Set<String> rcpServices) {
        return new Authorizer(rcpServices);
    }

    public AuthorizationResult authorize(AuthorizationRequest request, PolicySet policies) {
        return new AuthorizationResult(request, policies, evaluator.evaluate(request.view(), policies.compiled()));
    }

    /** The decision only, without building an explanation object. */
    public Decision decide(AuthorizationRequest request, PolicySet policies) {
        return evaluator.evaluate(request.view(), policies.compiled()).decision();
    }
}
