package io.gatehouse.server.assignments;

/** Where an assignment is in its life: its role is being made, it is in force, or it is being removed. */
enum AssignmentState { CREATING, ACTIVE, DELETING }
