/**
 * IAM Identity Center account assignments and their provisioning: the sso-admin operations,
 * {@link io.gatehouse.server.assignments.AssignmentRequests} for other features (assignment
 * rules), and the worker that writes each account's reserved roles in batches, one transaction per
 * batch. Entry point: {@link io.gatehouse.server.assignments.AssignmentFeature}. See
 * docs/identity-center.md.
 */
package io.gatehouse.server.assignments;
