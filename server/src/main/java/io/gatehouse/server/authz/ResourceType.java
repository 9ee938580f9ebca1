package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource type an action authorizes against, as one operation fills it: the reference's name
 * and ARN template, whether the action requires it, its condition keys, and where the template's
 * variables come from in this operation's input. Immutable.
 */
public final class ResourceType {
  private final String name;
  private final ArnTemplate arn;
  private final boolean required;
  private final List<ConditionKey> conditionKeys;
  /** Input members that hold the whole ARN (PolicyArn, RoleArn, PermissionSetArn), tried first. */
  private final List<InputPath> arnMembers;
  /** Per template variable, the input sources; empty means "ask the resolver". */
  private final List<List<VariableSource>> sources;

  ResourceType(String name, ArnTemplate arn, boolean required, List<ConditionKey> conditionKeys, List<InputPath> arnMembers,
      List<List<VariableSource>> sources) {
    this.name = name;
    this.arn = arn;
    this.required = required;
    this.conditionKeys = List.copyOf(conditionKeys);
    this.arnMembers = List.copyOf(arnMembers);
    this.sources = sources.stream().map(List::copyOf).toList();
  }

  /** The reference's name, e.g. {@code role}, {@code PermissionSet}. */
  public String name() {
    return name;
  }

  public ArnTemplate arn() {
    return arn;
  }

  public boolean required() {
    return required;
  }

  /** Keys of the resource type itself (e.g. aws:ResourceTag/${TagKey}) and those the action adds for it. */
  public List<ConditionKey> conditionKeys() {
    return conditionKeys;
  }

  /** The input members that fill template variable {@code i}, e.g. {@code Path+RoleName}; empty: the resolver. */
  public List<String> sourcesOf(String variable) {
    int i = arn.variables().indexOf(variable);
    return i < 0 ? List.of() : sources.get(i).stream().map(Object::toString).toList();
  }

  List<VariableSource> sources(int i) {
    return sources.get(i);
  }

  List<InputPath> arnMembers() {
    return arnMembers;
  }

  /**
   * Adds the ARNs of this resource type that a request with {@code input} acts on; adds nothing
   * when a variable has no value (e.g. the permission set a CreatePermissionSet call is about to
   * create).
   */
  void arns(JsonNode input, ArnResolver resolver, List<String> out) {
    int before = out.size();
    for (InputPath p : arnMembers) {
      p.values(input, v -> {
        if (arn.matches(v)) out.add(v);
      });
    }
    if (out.size() > before) return;
    List<String> vars = arn.variables();
    int n = vars.size();
    @SuppressWarnings("unchecked") // a generic array of lists, local to this method
    List<String>[] values = new List[n];
    Map<String, String> bound = new HashMap<>(8);
    for (int i = 0; i < n; i++) {
      List<String> vs = new ArrayList<>(1);
      String prefix = arn.idPrefix(i);
      for (VariableSource s : sources.get(i)) {
        s.values(input, name, vars.get(i), resolver, bound, v -> {
          String stripped = withoutPrefix(prefix, v, true);
          if (stripped != null && !stripped.isEmpty() && !vs.contains(stripped)) vs.add(stripped);
        });
      }
      values[i] = vs;
    }
    for (int i = 0; i < n; i++) {
      if (!values[i].isEmpty()) continue;
      String v = resolver.resolve(name, vars.get(i), bound);
      if (v == null) return; // not applicable to this request
      values[i] = List.of(withoutPrefix(arn.idPrefix(i), v, false));
    }
    product(values, 0, new String[n], out);
  }

  /** Strips the id prefix the template writes itself; an input value without it is some other kind of id. */
  private static String withoutPrefix(String prefix, String v, boolean strict) {
    if (prefix.isEmpty()) return v;
    if (v.startsWith(prefix)) return v.substring(prefix.length());
    return strict ? null : v;
  }

  private void product(List<String>[] values, int i, String[] chosen, List<String> out) {
    if (i == values.length) {
      out.add(arn.expand(chosen));
      return;
    }
    for (String v : values[i]) {
      chosen[i] = v;
      product(values, i + 1, chosen, out);
    }
  }

  @Override
  public String toString() {
    return name + " " + arn + (required ? " (required)" : "");
  }
}
