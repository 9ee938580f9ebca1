/**
 * Configuration: every option is one {@link io.gatehouse.server.config.Setting} in
 * {@link io.gatehouse.server.config.Settings}, resolved from flags, {@code GATEHOUSE_*} environment
 * variables and an optional properties file into one immutable
 * {@link io.gatehouse.server.config.ServerConfig}; secrets are redacted when printed.
 */
package io.gatehouse.server.config;
