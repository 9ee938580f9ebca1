/**
 * Assignment rules, Gatehouse's answer to AWS's lack of inherited assignments: a rule gives a user
 * or group a permission set in every active account under an OU (nested OUs included) or with a
 * tag, by making ordinary account assignments whose origin is {@code rule/<id>}.
 *
 * <p>Layers: {@code AssignmentRulesApi} (the {@code gatehouse} service model on the wire) →
 * {@code AssignmentRuleService} (access, validation, one transaction per write) →
 * {@code RuleExpansion} (the reconciler: desired assignments from the rules and the organization,
 * actual ones by origin, the difference ensured or removed through
 * {@link io.gatehouse.server.assignments.AssignmentRequests}) → {@code RuleStore} (rows). Every
 * write and every expansion takes one lock row first. See docs/assignment-rules.md.
 */
package io.gatehouse.server.assignmentrules;
