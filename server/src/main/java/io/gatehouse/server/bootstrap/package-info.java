/**
 * First start and every start after it: the organization, the identity store, the Identity Center
 * instance and the management account root's access key, created once (under a database-wide lock)
 * and found again on restart.
 */
package io.gatehouse.server.bootstrap;
