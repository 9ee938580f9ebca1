/**
 * IAM Identity Center (sso-admin): the organization's instance ({@code ssoins-…}) that ties the
 * identity store to the management account, served by {@code ListInstances} and
 * {@code DescribeInstance}. Permission sets and assignments will grow here.
 */
package io.gatehouse.server.identitycenter;
