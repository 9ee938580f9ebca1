/**
 * The IAM policy engine: parse and validate policy documents ({@link io.gatehouse.policy.PolicyParser}),
 * evaluate requests with AWS's evaluation logic ({@link io.gatehouse.policy.Authorizer}), and read
 * cases of the neutral JSON Lines format ({@link io.gatehouse.policy.cases.CaseReader}). Everything
 * under {@code io.gatehouse.policy.internal} is private to the module.
 */
module io.gatehouse.policy {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports io.gatehouse.policy;
    exports io.gatehouse.policy.cases;
}
