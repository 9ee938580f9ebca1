/**
 * IAM, one namespace per account, over AWS's query protocol: users, groups and roles (kept as one
 * kind of row, {@link io.gatehouse.server.iam.Identity}), their tags, inline policies, managed
 * policy attachments and permissions boundaries; customer managed policies with up to five
 * versions; AWS managed policies as read-only data; access keys (stored by
 * {@link io.gatehouse.server.auth.AccessKeys}, so they sign requests at once); login profiles;
 * password policies and account aliases.
 *
 * <p>Layers: {@code IamApi} (wire shapes from {@code IamShapes}) → the services (rules, quotas
 * from {@link io.gatehouse.server.iam.IamQuotas}, one transaction per write that locks the
 * account and appends change-log topic {@code iam}) → {@code IamStore} / {@code JdbcIamStore}.
 * Every policy document is validated by the policy engine. {@link io.gatehouse.server.iam.IamFeature}
 * is what the server wires; {@link io.gatehouse.server.iam.IamSnapshot} is the immutable read
 * model the authorizer evaluates, rebuilt whenever topic {@code iam} advances.
 */
package io.gatehouse.server.iam;
