package io.gatehouse.server.assignments;

/** Who an account assignment is for: an identity-store user or group (sso-admin's PrincipalType). */
public enum PrincipalType { USER, GROUP }
