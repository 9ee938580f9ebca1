package io.gatehouse.policy.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.Decision;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyLimits;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads cases of the neutral JSON Lines format: {@code request} (principal, action, resource,
 * resourceAccount, context), {@code identityPolicies}, {@code resourcePolicy} (a role's trust
 * policy when the request is an STS action on a role), {@code permissionBoundaries},
 * {@code sessionPolicies}, {@code scps} and {@code rcps} (levels, root first; a flat list is one
 * level). Size quotas are not applied to case policies, and the rules of each policy kind are
 * only warnings (cases test evaluation); the policy language itself is enforced.
 */
public final class CaseReader {
    /** Context keys that carry several values; any other key given an array uses its first element. */
    private static final Set<String> MULTIVALUED = Set.of("aws:tagkeys", "aws:principalorgpaths",
            "aws:resourceorgpaths", "aws:sourceorgpaths", "aws:calledvia", "dynamodb:leadingkeys",
            "dynamodb:attributes", "aws:principalserviceNamesList".toLowerCase(Locale.ROOT));

    private final ObjectMapper mapper = new ObjectMapper();
    private final PolicyParser parser = PolicyParser.lenient(PolicyLimits.unlimitedSize());

    /** Reads one line. */
    public PolicyCase read(String line) throws CaseFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CaseFormatException(null, "case is not valid JSON: " + e.getOriginalMessage(), List.of());
        }
        if (root == null || !root.isObject()) {
            throw new CaseFormatException(null, "case must be a JSON object", List.of());
        }
        return read(root);
    }

    /** Reads every non-blank line; a bad line fails the whole read with its line number. */
    public List<PolicyCase> readAll(BufferedReader in) throws IOException, CaseFormatException {
        List<PolicyCase> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(read(line));
            } catch (CaseFormatException e) {
                throw new CaseFormatException(e.caseId(), "line " + n + ": " + e.getMessage(), e.findings());
            }
        }
        return out;
    }

    public PolicyCase read(JsonNode root) throws CaseFormatException {
        JsonNode idNode = root.get("id");
        String idJson = idNode == null ? "null" : idNode.toString();
        String id = idNode == null || idNode.isNull() ? null : idNode.isTextual() ? idNode.asText() : idJson;
        JsonNode req = root.get("request");
        if (req == null || !req.isObject()) {
            throw new CaseFormatException(id, "missing field `request`", List.of());
        }
        String principal = text(req, "principal", id);
        String action = text(req, "action", id);
        String resource = text(req, "resource", id);
        AuthorizationRequest.Builder rb = AuthorizationRequest.builder()
                .principal(principal).action(action).resource(resource);
        JsonNode ra = req.get("resourceAccount");
        if (ra != null && ra.isTextual()) {
            rb.resourceAccount(ra.asText());
        }
        JsonNode ctx = req.get("context");
        String principalArn = null;
        if (ctx != null && ctx.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = contextValues(e.getKey(), e.getValue());
                if (values != null) {
                    rb.context(e.getKey(), values);
                    if (e.getKey().equalsIgnoreCase("aws:PrincipalArn") && values.size() == 1) {
                        principalArn = values.getFirst();
                    }
                }
            }
        }
        if (principal.contains(":assumed-role/") && principalArn != null && principalArn.contains(":role/")) {
            String roleName = principal.split("/", 3).length > 1 ? principal.split("/", 3)[1] : "";
            if (principalArn.endsWith("/" + roleName)) {
                rb.roleArn(principalArn);
            }
        }
        for (String flag : List.of("principalInManagementAccount", "resourceInManagementAccount")) {
            JsonNode f = req.get(flag);
            if (f != null && f.asBoolean(false)) {
                if (flag.startsWith("principal")) {
                    rb.principalInManagementAccount(true);
                } else {
                    rb.resourceInManagementAccount(true);
                }
            }
        }

        PolicySet.Builder pb = PolicySet.builder();
        JsonNode ids = root.get("identityPolicies");
        if (ids != null && ids.isArray()) {
            for (int i = 0; i < ids.size(); i++) {
                pb.identityPolicy(policy(ids.get(i), PolicyType.IDENTITY, "identity" + i, id));
            }
        }
        JsonNode rp = root.get("resourcePolicy");
        if (rp != null && !rp.isNull()) {
            boolean trust = action.toLowerCase(Locale.ROOT).startsWith("sts:") && resource.contains(":iam::") && resource.contains(":role/");
            pb.resourcePolicy(trust ? trustOrResource(rp, id) : policy(rp, PolicyType.RESOURCE, "ResourcePolicy", id));
        }
        JsonNode pbs = root.get("permissionBoundaries");
        if (pbs != null && pbs.isArray() && !pbs.isEmpty()) {
            pb.permissionsBoundary(policy(pbs.get(0), PolicyType.PERMISSIONS_BOUNDARY, "boundary0", id));
        }
        JsonNode sps = root.get("sessionPolicies");
        if (sps != null && sps.isArray()) {
            for (int i = 0; i < sps.size(); i++) {
                pb.sessionPolicy(policy(sps.get(i), PolicyType.SESSION, "SessionPolicy" + (i == 0 ? "" : i), id));
            }
        }
        levels(root.get("scps"), PolicyType.SERVICE_CONTROL, "scp", id).forEach(pb::scpLevel);
        levels(root.get("rcps"), PolicyType.RESOURCE_CONTROL, "rcp", id).forEach(pb::rcpLevel);

        List<String> caveats = new ArrayList<>();
        Optional<Decision> expected = Optional.empty();
        JsonNode exp = root.get("expected");
        if (exp != null && exp.isObject()) {
            expected = decision(exp.get("decision"));
            JsonNode cv = exp.get("caveats");
            if (cv != null && cv.isArray()) {
                cv.forEach(c -> caveats.add(c.asText()));
            }
        }
        return new PolicyCase(id, idJson, rb.build(), pb.build(), expected, decision(root.get("awsExpected")),
                optText(root, "rule"), optText(root, "note"), caveats);
    }

    private Policy trustOrResource(JsonNode rp, String id) throws CaseFormatException {
        ParseResult trust = parser.check(rp.toString(), PolicyType.TRUST);
        if (trust.policy().isPresent()) {
            return trust.policy().get().named("TrustPolicy");
        }
        return policy(rp, PolicyType.RESOURCE, "ResourcePolicy", id);
    }

    private List<List<Policy>> levels(JsonNode node, PolicyType type, String prefix, String id) throws CaseFormatException {
        List<List<Policy>> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            return out;
        }
        boolean flat = node.get(0).isObject();
        if (flat) {
            List<Policy> level = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                level.add(policy(node.get(i), type, prefix + "-l0-p" + i, id));
            }
            out.add(level);
            return out;
        }
        for (int l = 0; l < node.size(); l++) {
            List<Policy> level = new ArrayList<>();
            JsonNode ln = node.get(l);
            if (!ln.isArray()) {
                throw new CaseFormatException(id, "`" + prefix + "s` level " + l + " must be an array of policies", List.of());
            }
            for (int i = 0; i < ln.size(); i++) {
                level.add(policy(ln.get(i), type, prefix + "-l" + l + "-p" + i, id));
            }
            out.add(level);
        }
        return out;
    }

    private Policy policy(JsonNode doc, PolicyType type, String name, String id) throws CaseFormatException {
        String json = doc.isTextual() ? doc.asText() : doc.toString();
        ParseResult r = parser.check(json, type);
        if (r.policy().isEmpty()) {
            throw new CaseFormatException(id, "policy " + name + " (" + type + ") has errors: " + r.errors(), r.findings());
        }
        return r.policy().get().named(name);
    }

    private static List<String> contextValues(String key, JsonNode v) {
        List<String> values = new ArrayList<>();
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            v.forEach(e -> values.add(e.isTextual() ? e.asText() : e.toString()));
            if (!isMultivalued(key) && values.size() > 1) {
                return List.of(values.getFirst());
            }
            return values;
        }
        values.add(v.isTextual() ? v.asText() : v.toString());
        return values;
    }

    private static boolean isMultivalued(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return MULTIVALUED.contains(k) || k.endsWith(":tagkeys");
    }

    private static String text(JsonNode obj, String field, String id) throws CaseFormatException {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new CaseFormatException(id, "missing string field `request." + field + "`", List.of());
        }
        return v.asText();
    }

    private static Optional<String> optText(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static Optional<Decision> decision(JsonNode v) throws CaseFormatException {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Decision.valueOf(v.asText()));
        } catch (IllegalArgumentException e) {
            throw new CaseFormatException(null, "unknown decision `" + v.asText() + "`", List.of());
        }
    }
}
