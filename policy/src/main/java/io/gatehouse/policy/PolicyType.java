package io.gatehouse.policy;

/** The kinds of IAM policy documents; each kind has its own grammar rules and size limit. */
public enum PolicyType {
    IDENTITY, RESOURCE, TRUST, PERMISSIONS_BOUNDARY, SESSION, SERVICE_CONTROL, RESOURCE_CONTROL
}
