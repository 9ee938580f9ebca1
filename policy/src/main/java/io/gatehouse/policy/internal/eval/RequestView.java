package io.gatehouse.policy.internal.eval;

import io.gatehouse.policy.internal.match.ArnPattern;
import io.gatehouse.policy.internal.match.VariableSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request prepared once for evaluation: action lower-cased and split, resource ARN split into
 * segments, context keys lower-cased. Immutable; evaluating it allocates (almost) nothing.
 */
public final class RequestView implements VariableSource {
    final Caller caller;
    final String action;
    final String lowerAction;
    final String service;
    final String resource;
    final String[] segments;
    final String resourceAccount;
    final boolean principalInManagementAccount;
    final boolean resourceInManagementAccount;
    private final Map<String, String[]> context;

    public RequestView(String principal, String roleArn, String action, String resource, String resourceAccount,
                       Map<String, List<String>> context, boolean principalInManagementAccount,
                       boolean resourceInManagementAccount) {
        this.caller = Caller.parse(principal, roleArn);
        this.action = action;
        this.lowerAction = action.toLowerCase(Locale.ROOT);
        int colon = lowerAction.indexOf(':');
        this.service = colon < 0 ? lowerAction : lowerAction.substring(0, colon);
        this.resource = resource;
        this.segments = ArnPattern.splitForMatching(resource);
        String account = resourceAccount;
        if (account == null && segments != null && !segments[4].isEmpty()) {
            account = segments[4];
        }
        if (account == null) {
            account = caller.account();
        }
        this.resourceAccount = account;
        this.principalInManagementAccount = principalInManagementAccount;
        this.resourceInManagementAccount = resourceInManagementAccount;
        Map<String, String[]> m = HashMap.newHashMap(context.size());
        context.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v.toArray(String[]::new)));
        this.context = m;
    }

    @Override
    public String[] values(String lowerCaseKey) {
        return context.get(lowerCaseKey);
    }

    public Caller caller() {
        return caller;
    }

    public String resourceAccount() {
        return resourceAccount;
    }

    public String service() {
        return service;
    }
}
