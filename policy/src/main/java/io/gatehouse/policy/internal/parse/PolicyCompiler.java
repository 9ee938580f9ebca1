package io.gatehouse.policy.internal.parse;

import io.gatehouse.policy.Finding;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.internal.condition.Condition;
import io.gatehouse.policy.internal.condition.OperatorCatalog;
import io.gatehouse.policy.internal.json.JsonValue;
import io.gatehouse.policy.internal.json.JsonValue.JArray;
import io.gatehouse.policy.internal.json.JsonValue.JBool;
import io.gatehouse.policy.internal.json.JsonValue.JNumber;
import io.gatehouse.policy.internal.json.JsonValue.JObject;
import io.gatehouse.policy.internal.json.JsonValue.JString;
import io.gatehouse.policy.internal.json.JsonValue.Member;
import io.gatehouse.policy.internal.match.ArnPattern;
import io.gatehouse.policy.internal.model.ActionPattern;
import io.gatehouse.policy.internal.model.Effect;
import io.gatehouse.policy.internal.model.PolicyDocument;
import io.gatehouse.policy.internal.model.PrincipalSpec;
import io.gatehouse.policy.internal.model.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a JSON tree against the IAM policy grammar for one policy kind and compiles it.
 * Collects every finding rather than stopping at the first; compiles only when there is no error.
 */
public final class PolicyCompiler {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction",
            "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Pattern ALNUM = Pattern.compile("[0-9A-Za-z]*");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?_.-]+:[A-Za-z0-9*?_.-]*");
    private static final Pattern CONDITION_KEY = Pattern.compile("[^:\\s]+:\\S.*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");

    private final PolicyType type;
    private final int maxStatements;
    /** When false, rules that depend on the policy kind are reported as warnings (evaluating foreign documents). */
    private final boolean strictKinds;
    private final List<Finding> findings = new ArrayList<>();

    public record Output(PolicyDocument document, List<Finding> findings) {}

    private PolicyCompiler(PolicyType type, int maxStatements, boolean strictKinds) {
        this.type = type;
        this.maxStatements = maxStatements;
        this.strictKinds = strictKinds;
    }

    public static Output compile(JsonValue root, PolicyType type, int maxStatements, boolean strictKinds) {
        PolicyCompiler c = new PolicyCompiler(type, maxStatements, strictKinds);
        PolicyDocument doc = c.document(root);
        boolean errors = c.findings.stream().anyMatch(Finding::isError);
        return new Output(errors ? null : doc, List.copyOf(c.findings));
    }

    private void error(JsonValue at, String path, String message) {
        findings.add(new Finding(Finding.Severity.ERROR, message, at.line(), at.column(), path));
    }

    private void error(Member at, String path, String message) {
        findings.add(new Finding(Finding.Severity.ERROR, message, at.line(), at.column(), path));
    }

    /** A rule of this policy kind (not of the language): an error, or a warning in lenient mode. */
    private void kindError(JsonValue at, String path, String message) {
        findings.add(new Finding(strictKinds ? Finding.Severity.ERROR : Finding.Severity.WARNING, message,
                at.line(), at.column(), path));
    }

    private void warning(JsonValue at, String path, String message) {
        findings.add(new Finding(Finding.Severity.WARNING, message, at.line(), at.column(), path));
    }

    private PolicyDocument document(JsonValue root) {
        if (!(root instanceof JObject obj)) {
            error(root, "$", "Syntax errors in policy. The policy document must be a JSON object, not " + article(root));
            return null;
        }
        checkMembers(obj, "$", TOP_LEVEL, "policy");
        String version = null;
        JsonValue v = obj.get("Version");
        if (v == null) {
            warning(obj, "$", "The policy has no Version: it is read as version 2008-10-17, where policy variables are literal text. Add \"Version\": \"2012-10-17\".");
        } else if (v instanceof JString s && (s.value().equals(VERSION_2012) || s.value().equals(VERSION_2008))) {
            version = s.value();
        } else {
            error(v, "$.Version", "The policy failed legacy parsing: Version must be \"2012-10-17\" or \"2008-10-17\", not " + show(v));
        }
        String id = null;
        JsonValue idv = obj.get("Id");
        if (idv != null) {
            if (idv instanceof JString s) {
                id = s.value();
            } else {
                error(idv, "$.Id", "Id must be a string, not " + article(idv));
            }
        }
        boolean variables = VERSION_2012.equals(version);
        JsonValue st = obj.get("Statement");
        List<Statement> statements = new ArrayList<>();
        if (st == null) {
            error(obj, "$", "Missing required field Statement");
        } else if (st instanceof JObject so) {
            statements.add(statement(so, "$.Statement", 0, variables));
        } else if (st instanceof JArray sa) {
            if (sa.items().isEmpty()) {
                warning(sa, "$.Statement", "The Statement array is empty: the policy grants and denies nothing");
            }
            if (sa.items().size() > maxStatements) {
                error(sa, "$.Statement", "Cannot exceed quota for statements per policy: " + maxStatements);
                return null;
            }
            for (int i = 0; i < sa.items().size(); i++) {
                JsonValue item = sa.items().get(i);
                String path = "$.Statement[" + i + "]";
                if (item instanceof JObject so) {
                    statements.add(statement(so, path, i, variables));
                } else {
                    error(item, path, "Each statement must be a JSON object, not " + article(item));
                }
            }
        } else {
            error(st, "$.Statement", "Statement must be an object or an array of objects, not " + article(st));
        }
        checkSids(st, statements);
        if (findings.stream().anyMatch(Finding::isError)) {
            return null;
        }
        return new PolicyDocument(version, id, statements);
    }

    private void checkSids(JsonValue st, List<Statement> statements) {
        Set<String> seen = new HashSet<>();
        for (Statement s : statements) {
            if (s != null && s.sid() != null && !s.sid().isEmpty() && !seen.add(s.sid())) {
                error(st, "$.Statement", "Statement IDs (SID) in a single policy must be unique. Duplicate: `" + s.sid() + "`");
            }
        }
    }

    private void checkMembers(JObject obj, String path, Set<String> allowed, String what) {
        Set<String> seen = new HashSet<>();
        for (Member m : obj.members()) {
            if (!seen.add(m.name())) {
                error(m, path + "." + m.name(), "Syntax errors in policy. Duplicate field `" + m.name() + "` in the " + what);
            }
            if (!allowed.contains(m.name())) {
                error(m, path + "." + m.name(), "Syntax errors in policy. Unknown field `" + m.name() + "` in the " + what);
            }
        }
    }

    private Statement statement(JObject obj, String path, int index, boolean variables) {
        checkMembers(obj, path, STATEMENT_KEYS, "statement");
        String sid = null;
        JsonValue sidv = obj.get("Sid");
        if (sidv != null) {
            if (sidv instanceof JString s) {
                sid = s.value();
                if ((type == PolicyType.IDENTITY || type == PolicyType.PERMISSIONS_BOUNDARY
                        || type == PolicyType.SERVICE_CONTROL || type == PolicyType.RESOURCE_CONTROL)
                        && !ALNUM.matcher(sid).matches()) {
                    kindError(sidv, path + ".Sid", "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*");
                }
            } else {
                error(sidv, path + ".Sid", "Sid must be a string, not " + article(sidv));
            }
        }
        Effect effect = null;
        JsonValue ev = obj.get("Effect");
        if (ev == null) {
            error(obj, path, "Missing required field Effect");
        } else if (ev instanceof JString s && s.value().equals("Allow")) {
            effect = Effect.ALLOW;
        } else if (ev instanceof JString s && s.value().equals("Deny")) {
            effect = Effect.DENY;
        } else {
            error(ev, path + ".Effect", "Invalid effect: " + show(ev) + ". Effect must be \"Allow\" or \"Deny\"");
        }

        // Action / NotAction
        JsonValue action = obj.get("Action");
        JsonValue notAction = obj.get("NotAction");
        ActionPattern[] actions = new ActionPattern[0];
        if (action != null && notAction != null) {
            error(obj, path, "A statement cannot contain both Action and NotAction");
        } else if (action == null && notAction == null) {
            error(obj, path, "Policy statement must contain actions.");
        } else {
            String key = action != null ? "Action" : "NotAction";
            actions = actions(action != null ? action : notAction, path + "." + key);
        }

        // Resource / NotResource
        JsonValue resource = obj.get("Resource");
        JsonValue notResource = obj.get("NotResource");
        ArnPattern[] resources = null;
        if (resource != null && notResource != null) {
            error(obj, path, "A statement cannot contain both Resource and NotResource");
        } else if (resource == null && notResource == null) {
            if (type != PolicyType.TRUST) {
                kindError(obj, path, "Policy statement must contain resources.");
            }
        } else if (type == PolicyType.TRUST && strictKinds) {
            kindError(resource != null ? resource : notResource, path + "." + (resource != null ? "Resource" : "NotResource"),
                    "Has prohibited field " + (resource != null ? "Resource" : "NotResource"));
        } else {
            String key = resource != null ? "Resource" : "NotResource";
            resources = resources(resource != null ? resource : notResource, path + "." + key, variables);
        }

        // Principal / NotPrincipal
        JsonValue principal = obj.get("Principal");
        JsonValue notPrincipal = obj.get("NotPrincipal");
        PrincipalSpec spec = null;
        checkPrincipalRules(obj, path, effect, principal, notPrincipal);
        if (principal != null && notPrincipal != null) {
            error(obj, path, "A statement cannot contain both Principal and NotPrincipal");
        } else if (principal != null || notPrincipal != null) {
            String key = principal != null ? "Principal" : "NotPrincipal";
            spec = principal(principal != null ? principal : notPrincipal, path + "." + key);
        }

        checkControlPolicyRules(obj, path, effect, action, notAction);

        Condition[] conditions = new Condition[0];
        JsonValue cond = obj.get("Condition");
        if (cond != null) {
            conditions = conditions(cond, path + ".Condition", variables);
        }
        return new Statement(index, sid, effect, notAction != null, actions, notResource != null, resources,
                notPrincipal != null, spec, conditions);
    }

    private void checkPrincipalRules(JObject obj, String path, Effect effect, JsonValue principal, JsonValue notPrincipal) {
        JsonValue present = principal != null ? principal : notPrincipal;
        String key = principal != null ? "Principal" : "NotPrincipal";
        switch (type) {
            case IDENTITY, PERMISSIONS_BOUNDARY, SESSION, SERVICE_CONTROL -> {
                if (present != null) {
                    kindError(present, path + "." + key, "Policy document should not specify a principal.");
                }
            }
            case TRUST -> {
                if (notPrincipal != null) {
                    kindError(notPrincipal, path + ".NotPrincipal", "Has prohibited field NotPrincipal");
                } else if (principal == null) {
                    kindError(obj, path, "Missing required field Principal");
                }
            }
            case RESOURCE -> {
                if (present == null) {
                    kindError(obj, path, "Missing required field Principal");
                } else if (notPrincipal != null && effect == Effect.ALLOW) {
                    warning(notPrincipal, path + ".NotPrincipal",
                            "NotPrincipal must be used with \"Effect\": \"Deny\"; with Allow it grants access to everyone not listed, anonymous callers included");
                }
            }
            case RESOURCE_CONTROL -> {
                if (notPrincipal != null) {
                    kindError(notPrincipal, path + ".NotPrincipal", "Resource control policies do not support NotPrincipal");
                } else if (principal == null) {
                    kindError(obj, path, "Missing required field Principal: resource control policy statements must specify \"Principal\": \"*\"");
                } else if (!(principal instanceof JString s && s.value().equals("*"))) {
                    kindError(principal, path + ".Principal", "Resource control policy statements must specify \"Principal\": \"*\"");
                }
            }
        }
    }

    private void checkControlPolicyRules(JObject obj, String path, Effect effect, JsonValue action, JsonValue notAction) {
        if (type != PolicyType.RESOURCE_CONTROL) {
            return;
        }
        if (notAction != null) {
            kindError(notAction, path + ".NotAction", "Resource control policies do not support NotAction");
        }
        boolean actionStar = action instanceof JString s && s.value().equals("*")
                || action instanceof JArray a && a.items().stream().anyMatch(i -> i instanceof JString s && s.value().equals("*"));
        if (effect == Effect.ALLOW) {
            // only RCPFullAWSAccess may allow: Principal "*", Action "*", Resource "*", no condition
            JsonValue res = obj.get("Resource");
            boolean full = actionStar && res instanceof JString r && r.value().equals("*") && obj.get("Condition") == null;
            if (!full) {
                kindError(obj.get("Effect"), path + ".Effect", "The effect Allow is only supported for the RCPFullAWSAccess policy; resource control policy statements must Deny");
            }
        } else if (effect == Effect.DENY && actionStar) {
            kindError(action, path + ".Action", "Resource control policies do not support \"Action\": \"*\" in a Deny statement; name the service actions");
        }
    }

    private List<String> strings(JsonValue v, String path, String what) {
        List<String> out = new ArrayList<>();
        if (v instanceof JString s) {
            out.add(s.value());
        } else if (v instanceof JArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                JsonValue item = a.items().get(i);
                if (item instanceof JString s) {
                    out.add(s.value());
                } else {
                    error(item, path + "[" + i + "]", what + " must be a string, not " + article(item));
                }
            }
        } else {
            error(v, path, what + " must be a string or an array of strings, not " + article(v));
        }
        return out;
    }

    private ActionPattern[] actions(JsonValue v, String path) {
        List<String> values = strings(v, path, "An action");
        if (values.isEmpty() && v instanceof JArray) {
            error(v, path, "Policy statement must contain actions.");
        }
        List<ActionPattern> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String a = values.get(i);
            if (!a.equals("*") && !ACTION.matcher(a).matches()) {
                error(elementAt(v, i), elementPath(v, path, i), "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Found `" + a + "`");
            }
            out.add(ActionPattern.compile(a));
        }
        return out.toArray(ActionPattern[]::new);
    }

    private ArnPattern[] resources(JsonValue v, String path, boolean variables) {
        List<String> values = strings(v, path, "A resource");
        if (values.isEmpty() && v instanceof JArray) {
            error(v, path, "Policy statement must contain resources.");
        }
        List<ArnPattern> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String r = values.get(i);
            if (!r.equals("*") && !r.startsWith("arn:")) {
                error(elementAt(v, i), elementPath(v, path, i), "Resource " + r + " must be in ARN format or \"*\".");
            }
            out.add(ArnPattern.compile(r, variables));
        }
        return out.toArray(ArnPattern[]::new);
    }

    private PrincipalSpec principal(JsonValue v, String path) {
        if (v instanceof JString s) {
            if (!s.value().equals("*")) {
                error(v, path, "Invalid principal in policy: " + show(v) + ". Use \"*\" or an object such as {\"AWS\": \"...\"}");
            }
            return new PrincipalSpec.Anyone();
        }
        if (!(v instanceof JObject obj)) {
            error(v, path, "Invalid principal in policy: Principal must be \"*\" or an object, not " + article(v));
            return null;
        }
        boolean awsAnyone = false;
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> arns = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        Set<String> federated = new LinkedHashSet<>();
        Set<String> canonical = new LinkedHashSet<>();
        if (obj.members().isEmpty()) {
            error(v, path, "Invalid principal in policy: the Principal object is empty");
        }
        for (Member m : obj.members()) {
            String mpath = path + "." + m.name();
            List<String> values = strings(m.value(), mpath, "A principal");
            switch (m.name()) {
                case "AWS" -> {
                    for (int i = 0; i < values.size(); i++) {
                        String a = values.get(i);
                        var root = ROOT_ARN.matcher(a);
                        if (a.equals("*")) {
                            awsAnyone = true;
                        } else if (ACCOUNT_ID.matcher(a).matches()) {
                            accounts.add(a);
                        } else if (root.matches()) {
                            accounts.add(root.group(1));
                        } else if (isPrincipalArn(a)) {
                            arns.add(a);
                        } else {
                            error(elementAt(m.value(), i), elementPath(m.value(), mpath, i), "Invalid principal in policy: \"AWS\":\"" + a + "\"");
                        }
                    }
                }
                case "Service" -> {
                    for (int i = 0; i < values.size(); i++) {
                        String s = values.get(i);
                        if (s.isBlank() || s.contains(" ")) {
                            error(elementAt(m.value(), i), elementPath(m.value(), mpath, i), "Invalid principal in policy: \"Service\":\"" + s + "\"");
                        }
                        services.add(s.toLowerCase(Locale.ROOT));
                    }
                }
                case "Federated" -> federated.addAll(values);
                case "CanonicalUser" -> canonical.addAll(values);
                default -> error(m, mpath, "Invalid principal in policy: unknown principal type `" + m.name() + "`; use AWS, Service, Federated or CanonicalUser");
            }
        }
        return new PrincipalSpec.Named(awsAnyone, accounts, arns, services, federated, canonical);
    }

    private static boolean isPrincipalArn(String a) {
        String[] seg = ArnPattern.splitTopLevel(a);
        if (seg == null) {
            return false;
        }
        String service = seg[2];
        return (service.equals("iam") || service.equals("sts")) && !seg[5].isEmpty();
    }

    private Condition[] conditions(JsonValue v, String path, boolean variables) {
        if (!(v instanceof JObject obj)) {
            error(v, path, "Condition must be an object, not " + article(v));
            return new Condition[0];
        }
        List<Condition> out = new ArrayList<>();
        Set<String> seenOps = new HashSet<>();
        for (Member op : obj.members()) {
            String opPath = path + "." + op.name();
            if (!seenOps.add(op.name())) {
                error(op, opPath, "Syntax errors in policy. Duplicate condition operator `" + op.name() + "`");
            }
            if (!(op.value() instanceof JObject keys)) {
                error(op.value(), opPath, "The value of condition operator `" + op.name() + "` must be an object of condition keys, not " + article(op.value()));
                continue;
            }
            Set<String> seenKeys = new HashSet<>();
            for (Member key : keys.members()) {
                String keyPath = opPath + "." + key.name();
                if (!seenKeys.add(key.name().toLowerCase(Locale.ROOT))) {
                    error(key, keyPath, "Syntax errors in policy. Duplicate condition key `" + key.name() + "`");
                }
                if (!CONDITION_KEY.matcher(key.name()).matches()) {
                    error(key, keyPath, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Found condition key `" + key.name() + "`");
                }
                List<String> values = conditionValues(key.value(), keyPath);
                switch (OperatorCatalog.compile(op.name(), values, variables)) {
                    case OperatorCatalog.Ok ok -> out.add(new Condition(op.name(), ok.qualifier(), ok.ifExists(),
                            key.name(), key.name().toLowerCase(Locale.ROOT), ok.operator()));
                    case OperatorCatalog.Problem p -> error(op, opPath, p.message());
                }
            }
        }
        return out.toArray(Condition[]::new);
    }

    private List<String> conditionValues(JsonValue v, String path) {
        List<String> out = new ArrayList<>();
        if (v instanceof JArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                String s = scalar(a.items().get(i));
                if (s == null) {
                    error(a.items().get(i), path + "[" + i + "]", "A condition value must be a string, number or boolean, not " + article(a.items().get(i)));
                } else {
                    out.add(s);
                }
            }
        } else {
            String s = scalar(v);
            if (s == null) {
                error(v, path, "A condition value must be a string, number, boolean or an array of them, not " + article(v));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static String scalar(JsonValue v) {
        return switch (v) {
            case JString s -> s.value();
            case JNumber n -> n.text();
            case JBool b -> Boolean.toString(b.value());
            default -> null;
        };
    }

    private static JsonValue elementAt(JsonValue v, int i) {
        return v instanceof JArray a && i < a.items().size() ? a.items().get(i) : v;
    }

    private static String elementPath(JsonValue v, String path, int i) {
        return v instanceof JArray ? path + "[" + i + "]" : path;
    }

    private static String article(JsonValue v) {
        String t = v.typeName();
        return (t.equals("object") || t.equals("array") ? "an " : "a ") + t;
    }

    private static String show(JsonValue v) {
        return v instanceof JString s ? "\"" + s.value() + "\"" : article(v);
    }
}
