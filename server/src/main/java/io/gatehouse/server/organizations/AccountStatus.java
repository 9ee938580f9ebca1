package io.gatehouse.server.organizations;

/** The model's (deprecated but still returned) account Status. */
enum AccountStatus { ACTIVE, SUSPENDED, PENDING_CLOSURE }
