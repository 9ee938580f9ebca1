package io.gatehouse.policy.internal.eval;

/** Which kind of policy (or built-in rule) decided. */
public enum Source {
    SERVICE_CONTROL, RESOURCE_CONTROL, RESOURCE, IDENTITY, PERMISSIONS_BOUNDARY, SESSION,
    /** A rule of the service, not a policy: e.g. sts:GetCallerIdentity is always allowed. */
    BUILT_IN,
    /** The account root user has every permission in its own account. */
    ROOT_USER
}
