package io.gatehouse.server.authz;

import java.util.ArrayList;
import java.util.List;

/**
 * An ARN template of the Service Authorization Reference, e.g.
 * {@code arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}, split once into literal text
 * and variables.
 */
public final class ArnTemplate {
  private final String template;
  /** Literal text before each variable; {@code literals.size() == variables.size() + 1}. */
  private final List<String> literals;
  private final List<String> variables;

  private ArnTemplate(String template, List<String> literals, List<String> variables) {
    this.template = template;
    this.literals = literals;
    this.variables = variables;
  }

  public static ArnTemplate parse(String template) {
    List<String> literals = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = template.indexOf("${", at);
      if (open < 0) break;
      int close = template.indexOf('}', open);
      if (close < 0) throw new IllegalArgumentException("unclosed variable in ARN template `" + template + "`");
      literals.add(template.substring(at, open));
      variables.add(template.substring(open + 2, close));
      at = close + 1;
    }
    literals.add(template.substring(at));
    return new ArnTemplate(template, List.copyOf(literals), List.copyOf(variables));
  }

  public String template() {
    return template;
  }

  /** The variable names in order, e.g. {@code [Partition, Account, RoleNameWithPath]}. */
  public List<String> variables() {
    return variables;
  }

  /**
   * The id prefix that the template writes before variable {@code i} ({@code ou-} in
   * {@code ou/o-${OrganizationId}/ou-${OrganizationalUnitId}}), or "" when there is none. A value
   * for that variable must carry the prefix (AWS ids do), and it is written once.
   */
  String idPrefix(int i) {
    String lit = literals.get(i);
    if (!lit.endsWith("-")) return "";
    int start = lit.length() - 1;
    while (start > 0 && Character.isLetter(lit.charAt(start - 1))) start--;
    return lit.substring(start);
  }

  /** The ARN with {@code values[i]} in place of variable {@code i} (values already without id prefix). */
  String expand(String[] values) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    for (int i = 0; i < variables.size(); i++) {
      sb.append(literals.get(i)).append(values[i]);
    }
    return sb.append(literals.getLast()).toString();
  }

  /** True when {@code arn} has this template's shape: the same literals in order, variables non-empty. */
  public boolean matches(String arn) {
    int at = 0;
    for (int i = 0; i < literals.size(); i++) {
      String lit = literals.get(i);
      if (i == 0) {
        if (!arn.startsWith(lit)) return false;
        at = lit.length();
        continue;
      }
      // a variable precedes this literal: it takes at least one character
      int next = lit.isEmpty() ? arn.length() : arn.indexOf(lit, at + 1);
      if (next < 0 || next <= at) return false;
      at = next + lit.length();
    }
    return at == arn.length();
  }

  @Override
  public String toString() {
    return template;
  }
}
