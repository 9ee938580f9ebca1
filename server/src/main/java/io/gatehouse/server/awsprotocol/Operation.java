package io.gatehouse.server.awsprotocol;

import io.gatehouse.server.core.RequestContext;

/**
 * One AWS operation as a feature implements it. The protocol layer has already decoded and
 * validated the wire request against the service model and bound it to {@code I}; the returned
 * value is encoded with the operation's output shape. Throw an {@link io.gatehouse.server.core.AwsException}
 * subclass for errors.
 *
 * @param <I> a record whose components are the input shape's members in lowerCamelCase
 *     ({@code UserName} → {@code userName}), or {@link com.fasterxml.jackson.databind.JsonNode} for the raw tree
 * @param <O> a record for the output shape (same naming), a JsonNode, or {@link Void} for an empty output
 */
@FunctionalInterface
public interface Operation<I, O> {
  O invoke(RequestContext context, I input);
}
