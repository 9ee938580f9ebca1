package io.gatehouse.server.awsprotocol;

/**
 * A feature's AWS-facing API: registers its operations for one service of {@code aws-models}.
 * Operations not registered answer with the protocol's unknown-operation error.
 */
public interface ServiceApi {
  /** The model folder name: identitystore, sso-admin, organizations, iam, sts, sso, sso-oidc. */
  String service();

  void register(OperationRegistry registry);
}
