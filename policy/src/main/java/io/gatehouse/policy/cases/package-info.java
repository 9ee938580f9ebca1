/**
 * The neutral JSON Lines case format shared by the conformance corpus, the differential tests, the
 * {@code gatehouse policy simulate} command and the outside oracle: one request with the policies
 * that apply and, optionally, the expected decision.
 */
package io.gatehouse.policy.cases;
