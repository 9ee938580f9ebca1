package io.gatehouse.server.organizations;

import java.time.Instant;

/**
 * The record of one CreateAccount request, as DescribeCreateAccountStatus reports it.
 *
 * @param state IN_PROGRESS, SUCCEEDED or FAILED (Gatehouse completes requests at once)
 * @param accountId the new account, when SUCCEEDED
 * @param failureReason the model's CreateAccountFailureReason, when FAILED
 */
record AccountCreation(
    String id, String accountName, String state, Instant requestedAt, Instant completedAt, String accountId,
    String failureReason) {}
