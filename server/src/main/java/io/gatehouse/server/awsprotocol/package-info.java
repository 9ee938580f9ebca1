/**
 * The AWS wire protocols, driven by AWS's own service models ({@code resources/aws-models}).
 *
 * <p>{@link io.gatehouse.server.awsprotocol.AwsEndpoint} is the whole request path: {@code Router}
 * finds the service and operation (JSON 1.1 by {@code X-Amz-Target}, query by {@code Action} and
 * the SigV4 scope, rest-json by method and path template); signed operations are authenticated;
 * {@code JsonBody}, {@code QueryDecoder} and {@code RestJsonDecoder} turn the wire into one JSON
 * tree named by the model's members; {@code InputValidator} checks it against the input shape;
 * {@code InputBinder} binds it to the feature's record; the result goes through {@code OutputTree}
 * to JSON or {@code QueryXml}. {@code ErrorResponses} is the single place where every failure —
 * a feature's {@link io.gatehouse.server.core.AwsException}, a SigV4 rejection, bad input, a bug —
 * becomes the protocol's error shape.
 *
 * <p>Features see only {@link io.gatehouse.server.awsprotocol.ServiceApi},
 * {@link io.gatehouse.server.awsprotocol.OperationRegistry} and
 * {@link io.gatehouse.server.awsprotocol.Operation}. Models are parsed once per JVM
 * ({@code ServiceModels.standard()}); patterns are compiled once per shape; nothing on the request
 * path parses a model or compiles a regular expression.
 */
package io.gatehouse.server.awsprotocol;
