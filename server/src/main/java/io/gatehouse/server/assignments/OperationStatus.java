package io.gatehouse.server.assignments;

/** sso-admin's StatusValues. */
enum OperationStatus { IN_PROGRESS, FAILED, SUCCEEDED }
