package io.gatehouse.policy;

/** AWS's three outcomes of policy evaluation. */
public enum Decision {
    Allowed, ExplicitlyDenied, ImplicitlyDenied
}
