package io.gatehouse.policy.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled policy: its statements plus an index by action service prefix, so that evaluation
 * only looks at statements that can match the request's service.
 */
public final class PolicyDocument {
    private static final Statement[] NONE = new Statement[0];

    private final String version;
    private final String id;
    private final List<Statement> statements;
    private final Map<String, Statement[]> byService;
    private final Statement[] anyService;

    public PolicyDocument(String version, String id, List<Statement> statements) {
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
        Map<String, List<Statement>> index = new HashMap<>();
        List<Statement> any = new ArrayList<>();
        for (Statement s : statements) {
            Set<String> services = servicesOf(s);
            if (services == null) {
                any.add(s);
            } else {
                for (String svc : services) {
                    index.computeIfAbsent(svc, k -> new ArrayList<>()).add(s);
                }
            }
        }
        Map<String, Statement[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.toArray(NONE)));
        this.byService = frozen;
        this.anyService = any.toArray(NONE);
    }

    /** The services a statement can apply to, or null when it may apply to any service. */
    private static Set<String> servicesOf(Statement s) {
        if (s.notAction()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (ActionPattern a : s.actions()) {
            if (a.service() == null) {
                return null;
            }
            out.add(a.service());
        }
        return out;
    }

    public String version() {
        return version;
    }

    public String id() {
        return id;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Statements indexed under exactly this (lower-cased) service prefix. */
    public Statement[] forService(String lowerService) {
        Statement[] s = byService.get(lowerService);
        return s == null ? NONE : s;
    }

    /** Statements that may apply to any service (wildcard service prefix or NotAction). */
    public Statement[] anyService() {
        return anyService;
    }
}
