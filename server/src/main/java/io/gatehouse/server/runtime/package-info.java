/**
 * A running server: {@link io.gatehouse.server.runtime.GatehouseServer} puts the HTTP listener
 * (Javalin on Jetty, virtual threads) in front of the AWS protocol endpoint, owns the database,
 * bootstraps the organization, and stops gracefully; {@link io.gatehouse.server.runtime.ChangeFeed}
 * lets several servers on one database follow each other's writes.
 */
package io.gatehouse.server.runtime;
