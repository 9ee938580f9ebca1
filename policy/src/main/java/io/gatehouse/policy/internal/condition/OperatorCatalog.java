package io.gatehouse.policy.internal.condition;

import java.util.List;
import java.util.Locale;

/** Turns a condition operator name and its values into a compiled {@link ConditionOperator}. */
public final class OperatorCatalog {
    private OperatorCatalog() {}

    /** A compiled operator or the reason it could not be compiled. */
    public sealed interface Compiled {}

    public record Ok(SetQualifier qualifier, boolean ifExists, ConditionOperator operator) implements Compiled {}

    public record Problem(String message) implements Compiled {}

    public static Compiled compile(String name, List<String> values, boolean variables) {
        String rest = name;
        SetQualifier q = SetQualifier.NONE;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String prefix = name.substring(0, colon);
            if (prefix.equalsIgnoreCase("ForAnyValue")) {
                q = SetQualifier.FOR_ANY_VALUE;
            } else if (prefix.equalsIgnoreCase("ForAllValues")) {
                q = SetQualifier.FOR_ALL_VALUES;
            } else {
                return new Problem("Invalid Condition type : " + name);
            }
            rest = name.substring(colon + 1);
        }
        boolean ifExists = false;
        String base = rest;
        if (rest.length() > 8 && rest.regionMatches(true, rest.length() - 8, "IfExists", 0, 8)) {
            ifExists = true;
            base = rest.substring(0, rest.length() - 8);
        }
        String b = base.toLowerCase(Locale.ROOT);
        if (b.equals("null") && (ifExists || q != SetQualifier.NONE)) {
            return new Problem("Invalid Condition type : " + name);
        }
        ConditionOperator op = switch (b) {
            case "stringequals" -> new StringOperator(StringOperator.Kind.EQUALS, false, values, variables);
            case "stringnotequals" -> new StringOperator(StringOperator.Kind.EQUALS, true, values, variables);
            case "stringequalsignorecase" -> new StringOperator(StringOperator.Kind.EQUALS_IGNORE_CASE, false, values, variables);
            case "stringnotequalsignorecase" -> new StringOperator(StringOperator.Kind.EQUALS_IGNORE_CASE, true, values, variables);
            case "stringlike" -> new StringOperator(StringOperator.Kind.LIKE, false, values, variables);
            case "stringnotlike" -> new StringOperator(StringOperator.Kind.LIKE, true, values, variables);
            case "numericequals" -> NumericOperator.of(Comparison.EQUALS, false, values);
            case "numericnotequals" -> NumericOperator.of(Comparison.EQUALS, true, values);
            case "numericlessthan" -> NumericOperator.of(Comparison.LESS_THAN, false, values);
            case "numericlessthanequals" -> NumericOperator.of(Comparison.LESS_THAN_EQUALS, false, values);
            case "numericgreaterthan" -> NumericOperator.of(Comparison.GREATER_THAN, false, values);
            case "numericgreaterthanequals" -> NumericOperator.of(Comparison.GREATER_THAN_EQUALS, false, values);
            case "dateequals" -> DateOperator.of(Comparison.EQUALS, false, values);
            case "datenotequals" -> DateOperator.of(Comparison.EQUALS, true, values);
            case "datelessthan" -> DateOperator.of(Comparison.LESS_THAN, false, values);
            case "datelessthanequals" -> DateOperator.of(Comparison.LESS_THAN_EQUALS, false, values);
            case "dategreaterthan" -> DateOperator.of(Comparison.GREATER_THAN, false, values);
            case "dategreaterthanequals" -> DateOperator.of(Comparison.GREATER_THAN_EQUALS, false, values);
            case "bool" -> new BoolOperator(values);
            case "binaryequals" -> BinaryOperator.of(values);
            case "ipaddress" -> IpOperator.of(false, values);
            case "notipaddress" -> IpOperator.of(true, values);
            case "arnequals", "arnlike" -> new ArnOperator(false, values, variables);
            case "arnnotequals", "arnnotlike" -> new ArnOperator(true, values, variables);
            case "null" -> new NullOperator(values);
            default -> null;
        };
        if (op == null) {
            if (isKnownFamily(b)) {
                return new Problem("Invalid value for condition operator `" + name + "`: " + values);
            }
            return new Problem("Invalid Condition type : " + name);
        }
        return new Ok(q, ifExists, op);
    }

    private static boolean isKnownFamily(String b) {
        return b.startsWith("numeric") || b.startsWith("date") || b.equals("binaryequals")
                || b.equals("ipaddress") || b.equals("notipaddress");
    }
}
