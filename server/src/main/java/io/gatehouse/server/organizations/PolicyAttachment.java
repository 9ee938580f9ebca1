package io.gatehouse.server.organizations;

/** A policy attached to a root, OU or account. */
record PolicyAttachment(String policyId, OrganizationPolicyType policyType, String targetId, TargetType targetType) {}
