package io.gatehouse.server.organizations;

/** The organization's feature set; only {@code ALL} allows policies. */
enum FeatureSet { ALL, CONSOLIDATED_BILLING }
