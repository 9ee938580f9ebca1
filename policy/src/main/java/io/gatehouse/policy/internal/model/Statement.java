package io.gatehouse.policy.internal.model;

import io.gatehouse.policy.internal.condition.Condition;
import io.gatehouse.policy.internal.match.ArnPattern;
import io.gatehouse.policy.internal.match.VariableSource;
import java.util.List;

/**
 * One compiled statement. {@code resources} is null when the statement has no Resource element
 * (trust policies), which matches any resource. {@code principal} is null when absent.
 */
public record Statement(int index, String sid, Effect effect,
                        boolean notAction, ActionPattern[] actions,
                        boolean notResource, ArnPattern[] resources,
                        boolean notPrincipal, PrincipalSpec principal,
                        Condition[] conditions) {

    public boolean matchesAction(String lowerAction) {
        boolean any = false;
        for (ActionPattern a : actions) {
            if (a.matches(lowerAction)) {
                any = true;
                break;
            }
        }
        return notAction != any;
    }

    public boolean matchesResource(String resource, String[] segments, VariableSource vars) {
        if (resources == null) {
            return true;
        }
        boolean any = false;
        for (ArnPattern r : resources) {
            if (r.matches(resource, segments, vars)) {
                any = true;
                if (!notResource) {
                    break;
                }
            }
        }
        return notResource != any;
    }

    public boolean conditionsHold(VariableSource context) {
        for (Condition c : conditions) {
            if (!c.evaluate(context)) {
                return false;
            }
        }
        return true;
    }

    /** "Sid" when the statement has one, else its position ("#2"). */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "#" + index;
    }

    public List<Condition> conditionList() {
        return List.of(conditions);
    }
}
