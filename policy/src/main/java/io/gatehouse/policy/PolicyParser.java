package io.gatehouse.policy;

import io.gatehouse.policy.internal.json.LocatedJsonReader;
import io.gatehouse.policy.internal.parse.PolicyCompiler;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses, validates and compiles IAM JSON policy documents. Never throws on bad input: every
 * problem becomes a {@link Finding} with its line, column and JSON path. Thread-safe.
 *
 * <pre>{@code
 * ParseResult r = PolicyParser.parse(json, PolicyType.SERVICE_CONTROL);
 * if (r.hasErrors()) { r.findings().forEach(System.out::println); }
 * Policy p = r.policy().orElseThrow();
 * }</pre>
 */
public final class PolicyParser {
    private static final PolicyParser AWS = new PolicyParser(PolicyLimits.aws());

    private final PolicyLimits limits;
    private final boolean strictKinds;

    public PolicyParser(PolicyLimits limits) {
        this(limits, true);
    }

    private PolicyParser(PolicyLimits limits, boolean strictKinds) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.strictKinds = strictKinds;
    }

    /**
     * A parser that reports the rules of each policy kind (no Principal in identity policies,
     * Principal required in resource policies, RCP shape, Sid characters...) as warnings instead
     * of errors: for evaluating documents written elsewhere, never for accepting new policies.
     * The language itself (JSON, elements, operators, values) is still enforced.
     */
    public static PolicyParser lenient(PolicyLimits limits) {
        return new PolicyParser(limits, false);
    }

    /** Parses with AWS's default limits. */
    public static ParseResult parse(String json, PolicyType type) {
        return AWS.check(json, type);
    }

    /** Parses a document given as UTF-8 bytes; invalid UTF-8 is a finding. */
    public static ParseResult parse(byte[] utf8, PolicyType type) {
        return AWS.check(utf8, type);
    }

    public PolicyLimits limits() {
        return limits;
    }

    public ParseResult check(String json, PolicyType type) {
        Objects.requireNonNull(type, "type");
        if (json == null) {
            return failed(new Finding(Finding.Severity.ERROR, "Syntax errors in policy. The policy document is missing", 0, 0, "$"));
        }
        return compile(json, limits.maxCharsFor(type) == Integer.MAX_VALUE ? null : json, type,
                new LocatedJsonReader(limits.maxDepth()).read(json));
    }

    public ParseResult check(byte[] utf8, PolicyType type) {
        Objects.requireNonNull(type, "type");
        if (utf8 == null) {
            return failed(new Finding(Finding.Severity.ERROR, "Syntax errors in policy. The policy document is missing", 0, 0, "$"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            return failed(new Finding(Finding.Severity.ERROR, "Syntax errors in policy. The policy document is not valid UTF-8", 0, 0, "$"));
        }
        return check(text, type);
    }

    private ParseResult compile(String json, String sized, PolicyType type, LocatedJsonReader.Outcome outcome) {
        List<Finding> findings = new ArrayList<>();
        if (sized != null) {
            int chars = nonWhitespaceLength(sized);
            int max = limits.maxCharsFor(type);
            if (chars > max) {
                findings.add(new Finding(Finding.Severity.ERROR, "Cannot exceed quota for PolicySize: " + max, 1, 1, "$"));
            }
        }
        return switch (outcome) {
            case LocatedJsonReader.Failure f -> {
                findings.add(new Finding(Finding.Severity.ERROR, f.message(), f.line(), f.column(), "$"));
                yield new ParseResult(Optional.empty(), findings);
            }
            case LocatedJsonReader.Success s -> {
                PolicyCompiler.Output out = PolicyCompiler.compile(s.value(), type, limits.maxStatements(), strictKinds);
                findings.addAll(out.findings());
                boolean errors = findings.stream().anyMatch(Finding::isError);
                yield new ParseResult(errors || out.document() == null ? Optional.empty()
                        : Optional.of(new Policy(type, json, out.document(), null)), findings);
            }
        };
    }

    private static ParseResult failed(Finding f) {
        return new ParseResult(Optional.empty(), List.of(f));
    }

    private static int nonWhitespaceLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
