/**
 * Implementation of the policy engine, private to the module (not exported by module-info):
 * {@code json} reads located JSON, {@code parse} validates and compiles, {@code model} holds the
 * compiled statements, {@code match} the wildcard/ARN/variable matchers, {@code condition} one class
 * per condition operator family, and {@code eval} the evaluation logic.
 */
package io.gatehouse.policy.internal;
