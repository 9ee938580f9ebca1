package io.gatehouse.server.awsprotocol;

/** Where a {@link ServiceApi} declares its operations; implemented by the protocol layer. */
public interface OperationRegistry {
  /**
   * @param name the model's operation name, e.g. {@code CreateUser}
   * @param inputType the record the validated input is bound to (or JsonNode)
   */
  <I, O> void add(String name, Class<I> inputType, Operation<I, O> operation);
}
