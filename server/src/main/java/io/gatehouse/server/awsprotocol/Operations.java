package io.gatehouse.server.awsprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations the features registered, by service and operation name. Built once at startup;
 * every mistake (an operation the model lacks, one registered twice, an input record whose
 * components match no member) fails the start, not a request.
 */
final class Operations {
  /** A registered operation and the type its input is bound to. */
  record Registered(Class<?> inputType, Operation<Object, Object> operation) {}

  private final Map<String, Map<String, Registered>> byService;

  private Operations(Map<String, Map<String, Registered>> byService) {
    this.byService = byService;
  }

  static Operations register(ServiceModels models, List<ServiceApi> apis) {
    Map<String, Map<String, Registered>> byService = new HashMap<>();
    for (ServiceApi api : apis) {
      ServiceModel model = models.service(api.service());
      if (model == null) {
        throw new IllegalArgumentException("unknown service '" + api.service() + "'; expected one of " + ServiceModels.SERVICES);
      }
      Map<String, Registered> ops = byService.computeIfAbsent(model.name(), k -> new HashMap<>());
      api.register(new OperationRegistry() {
        @Override
        @SuppressWarnings("unchecked")
        public <I, O> void add(String name, Class<I> inputType, Operation<I, O> operation) {
          OperationModel op = model.operation(name);
          if (op == null) throw new IllegalArgumentException(model.name() + " has no operation " + name);
          if (inputType == null || operation == null) throw new IllegalArgumentException(name + ": input type and operation are required");
          if (!inputType.isRecord() && !JsonNode.class.isAssignableFrom(inputType) && inputType != Void.class) {
            throw new IllegalArgumentException(name + ": the input type must be a record, JsonNode or Void, not " + inputType.getName());
          }
          List<String> unmatched = InputBinder.unmatchedComponents(inputType, op.input());
          if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException(model.name() + " " + name + ": components " + unmatched + " of " + inputType.getName()
                + " match no member of " + (op.input() == null ? "the (empty) input" : op.input().name));
          }
          if (ops.putIfAbsent(name, new Registered(inputType, (Operation<Object, Object>) operation)) != null) {
            throw new IllegalStateException(model.name() + " " + name + " is registered twice");
          }
        }
      });
    }
    Map<String, Map<String, Registered>> frozen = new HashMap<>();
    byService.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new Operations(Collections.unmodifiableMap(frozen));
  }

  /** @return the registered operation, or null when no feature provides it */
  Registered find(String service, String operation) {
    Map<String, Registered> ops = byService.get(service);
    return ops == null ? null : ops.get(operation);
  }
}
