package io.gatehouse.server.awsprotocol;

import java.util.Map;

/**
 * One service's model, loaded from {@code aws-models/<name>/service-2.json}.
 *
 * @param name the model folder name (identitystore, sso-admin, organizations, iam, sts, sso, sso-oidc)
 * @param protocol its wire protocol
 * @param apiVersion e.g. {@code 2010-05-08}; the query protocol's {@code Version}
 * @param targetPrefix JSON 1.1 {@code X-Amz-Target} prefix, or null
 * @param signingName the SigV4 service name ({@code signingName}, else {@code endpointPrefix})
 * @param xmlNamespace the query protocol's XML namespace, or null
 * @param operations by name
 * @param shapes by name
 */
record ServiceModel(
    String name, Protocol protocol, String apiVersion, String targetPrefix, String signingName, String xmlNamespace,
    Map<String, OperationModel> operations, Map<String, Shape> shapes) {

  OperationModel operation(String operationName) {
    return operations.get(operationName);
  }

  /** The error shape named {@code code}, or null when the model has no such exception. */
  Shape errorShape(String code) {
    Shape s = shapes.get(code);
    return s != null && s.exception ? s : null;
  }
}
