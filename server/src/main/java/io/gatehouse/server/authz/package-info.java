/**
 * What authorizing an AWS operation means, as AWS's Service Authorization Reference says:
 * {@link io.gatehouse.server.authz.OperationCatalog} maps every operation Gatehouse serves to its IAM
 * action, the ARNs of the resources it acts on (filled from the decoded input and an
 * {@link io.gatehouse.server.authz.ArnResolver}) and its condition keys;
 * {@link io.gatehouse.server.authz.RequestContextKeys} builds the request context of a
 * {@link io.gatehouse.server.authz.ResolvedCaller} for the policy engine. Data in
 * {@code resources/authz/}. {@link io.gatehouse.server.authz.Enforcement} uses them on every signed call
 * (the endpoint's {@code CallAuthorizer}), from the in-memory IAM snapshot, organization tree and
 * sealed sessions; see docs/authorization.md.
 */
package io.gatehouse.server.authz;
