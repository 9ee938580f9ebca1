package io.gatehouse.server.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error that the AWS wire protocols can express: a code from the service's model (the error
 * shape's name, e.g. {@code ResourceNotFoundException}), an HTTP status, a message, and the extra
 * members that shape carries (e.g. {@code Reason}, {@code ResourceType}).
 *
 * <p>Features throw their own subclasses (one type per kind of error, with the data it needs);
 * the protocol layer is the one place that turns them into the wire's error shape. The code is the
 * model's shape name: for the query protocol the layer maps it to the wire code
 * ({@code NoSuchEntityException} → {@code NoSuchEntity}) from the model's {@code error.code}.
 */
public class AwsException extends RuntimeException {
  private final String code;
  private final int httpStatus;
  private final Map<String, Object> fields;

  public AwsException(String code, int httpStatus, String message) {
    this(code, httpStatus, message, Map.of());
  }

  public AwsException(String code, int httpStatus, String message, Map<String, ?> fields) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
    this.fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  /** The error shape's name in the service model. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Members of the error shape beyond the message, by their model member name. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** True for errors the client caused (4xx); AWS reports these as {@code Sender} faults. */
  public boolean isSenderFault() {
    return httpStatus < 500;
  }
}
