package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition key whose value an operation's input carries: {@code iam:PolicyARN} from
 * {@code PolicyArn}, {@code aws:TagKeys} from {@code Tags[].Key}, or the family
 * {@code aws:RequestTag/<key>} from a list of {@code {Key, Value}} tags.
 */
sealed interface RequestKey {
  void addTo(JsonNode input, Map<String, List<String>> context);

  /** One key with the values found at any of the paths. */
  record Values(String key, List<InputPath> paths) implements RequestKey {
    @Override
    public void addTo(JsonNode input, Map<String, List<String>> context) {
      List<String> values = new ArrayList<>(2);
      for (InputPath p : paths) p.values(input, values::add);
      if (!values.isEmpty()) context.put(key, List.copyOf(values));
    }

    @Override
    public String toString() {
      return key + " <- " + paths;
    }
  }

  /** {@code <prefix><Key>} = Value for each element of a list of tags. */
  record Tags(String prefix, InputPath list) implements RequestKey {
    @Override
    public void addTo(JsonNode input, Map<String, List<String>> context) {
      JsonNode tags = input;
      for (String step : list.steps()) tags = tags == null ? null : tags.get(step);
      if (tags == null || !tags.isArray()) return;
      for (JsonNode t : tags) {
        JsonNode k = t.get("Key");
        JsonNode v = t.get("Value");
        if (k != null && v != null) context.put(prefix + k.asText(), List.of(v.asText()));
      }
    }

    @Override
    public String toString() {
      return prefix + "${TagKey} <- " + list + "[].{Key,Value}";
    }
  }
}
