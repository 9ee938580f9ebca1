/**
 * The policy engine's public API: {@link io.gatehouse.policy.PolicyParser} turns IAM JSON policy
 * documents into compiled {@link io.gatehouse.policy.Policy} objects (or {@link io.gatehouse.policy.Finding}s),
 * {@link io.gatehouse.policy.PolicySet} groups the policies that apply to a request, and
 * {@link io.gatehouse.policy.Authorizer} decides an {@link io.gatehouse.policy.AuthorizationRequest}
 * with AWS's evaluation logic, returning an {@link io.gatehouse.policy.AuthorizationResult} that
 * explains itself. See docs/EVALUATION.md for the evaluation order.
 */
package io.gatehouse.policy;
