package io.gatehouse.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.policy.Decision;
import io.gatehouse.policy.Finding;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.cases.CaseFormatException;
import io.gatehouse.policy.cases.CaseReader;
import io.gatehouse.policy.cases.PolicyCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse policy validate FILE...} prints every finding of each policy document and exits
 * 1 when any has errors; {@code gatehouse policy simulate [--repeat N]} reads cases (JSON Lines in
 * the neutral case format) on stdin and writes one decision line per case, in order.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Validate IAM policy documents and simulate authorization decisions.")
public final class PolicyCommand implements Callable<Integer> {
    private static final Map<String, PolicyType> TYPE_NAMES = Map.ofEntries(
            Map.entry("identity", PolicyType.IDENTITY), Map.entry("resource", PolicyType.RESOURCE),
            Map.entry("trust", PolicyType.TRUST), Map.entry("boundary", PolicyType.PERMISSIONS_BOUNDARY),
            Map.entry("permissions_boundary", PolicyType.PERMISSIONS_BOUNDARY), Map.entry("session", PolicyType.SESSION),
            Map.entry("scp", PolicyType.SERVICE_CONTROL), Map.entry("service_control", PolicyType.SERVICE_CONTROL),
            Map.entry("rcp", PolicyType.RESOURCE_CONTROL), Map.entry("resource_control", PolicyType.RESOURCE_CONTROL));

    private final InputStream stdin;
    private final ObjectMapper mapper = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    public PolicyCommand() {
        this(System.in);
    }

    /** For tests: read cases from {@code stdin}. */
    PolicyCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Print every finding of each policy document; exit 1 when any document has errors.")
    int validate(
            @Option(names = {"-t", "--type"}, defaultValue = "identity", paramLabel = "KIND",
                    description = "Policy kind: identity, resource, trust, boundary, session, scp, rcp (default: ${DEFAULT-VALUE}).")
            String type,
            @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy documents; - reads stdin.")
            List<String> files) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyType kind = TYPE_NAMES.get(type.toLowerCase(Locale.ROOT).replace('-', '_'));
        if (kind == null) {
            err.println("unknown policy kind `" + type + "`; use one of " + String.join(", ", TYPE_NAMES.keySet().stream().sorted().toList()));
            return 2;
        }
        boolean anyErrors = false;
        for (String file : files) {
            byte[] bytes;
            try {
                bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
            } catch (IOException | RuntimeException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                anyErrors = true;
                continue;
            }
            ParseResult r = PolicyParser.parse(bytes, kind);
            for (Finding f : r.findings()) {
                out.println(file + ":" + f.line() + ":" + f.column() + ": " + f.severity().name().toLowerCase(Locale.ROOT)
                        + ": " + f.message() + " (at " + f.path() + ")");
            }
            if (r.hasErrors()) {
                anyErrors = true;
            } else {
                out.println(file + ": valid " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " policy");
            }
        }
        out.flush();
        return anyErrors ? 1 : 0;
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Decide cases read as JSON Lines (the neutral case format) on stdin, one output line per case.",
                    "Each line: {\"id\":..., \"decision\": \"Allowed\"|\"ExplicitlyDenied\"|\"ImplicitlyDenied\", \"explanation\": ...}."})
    int simulate(
            @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
                    description = "Evaluate each case N times after compiling it once, and print decisions/s to stderr.")
            long repeat) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1) {
            err.println("--repeat must be at least 1");
            return 2;
        }
        CaseReader reader = new CaseReader();
        Authorizer authorizer = Authorizer.aws();
        long decisions = 0;
        long nanos = 0;
        long cpuNanos = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        boolean anyInvalid = false;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = mapper.createObjectNode();
            PolicyCase c;
            try {
                c = reader.read(line);
            } catch (CaseFormatException e) {
                anyInvalid = true;
                result.set("id", idOf(line));
                result.putNull("decision");
                result.put("error", e.getMessage());
                out.println(mapper.writeValueAsString(result));
                continue;
            }
            AuthorizationResult r = authorizer.authorize(c.request(), c.policies());
            if (repeat > 1) {
                long start = System.nanoTime();
                long cpuStart = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                Decision sink = null;
                for (long i = 0; i < repeat; i++) {
                    sink = authorizer.decide(c.request(), c.policies());
                }
                nanos += System.nanoTime() - start;
                cpuNanos += cpuClock ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
                decisions += repeat;
                if (sink != r.decision()) {
                    throw new IllegalStateException("evaluation is not deterministic for case " + c.id());
                }
            }
            result.set("id", mapper.readTree(c.idJson()));
            result.put("decision", r.decision().name());
            result.put("explanation", r.explanation());
            out.println(mapper.writeValueAsString(result));
        }
        out.flush();
        if (repeat > 1 && nanos > 0) {
            err.printf(Locale.ROOT, "decisions/s: %.0f%n", decisions * 1e9 / nanos);
            if (cpuNanos > 0) {
                // on a shared machine the wall clock includes time the thread waited for a core
                err.printf(Locale.ROOT, "decisions per CPU-second of the evaluating thread: %.0f%n", decisions * 1e9 / cpuNanos);
            }
            err.flush();
        }
        return anyInvalid ? 1 : 0;
    }

    private JsonNode idOf(String line) {
        try {
            JsonNode n = mapper.readTree(line);
            return n != null && n.has("id") ? n.get("id") : mapper.nullNode();
        } catch (IOException e) {
            return mapper.nullNode();
        }
    }
}
