package io.gatehouse.server.assignments;

/** The asynchronous requests sso-admin reports a status for. */
enum OperationKind { CREATE, DELETE, PROVISION }
