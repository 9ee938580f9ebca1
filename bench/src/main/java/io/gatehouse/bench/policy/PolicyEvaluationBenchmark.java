package io.gatehouse.bench.policy;

import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.policy.Decision;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.cases.CaseReader;
import io.gatehouse.policy.cases.PolicyCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy engine on the reference case (role session, s3:GetObject, 3 managed policies of 20
 * statements, a boundary, 2 SCP levels, 15 context keys; decision Allowed). Policies are compiled
 * once in setup; each benchmark call evaluates one decision on one thread.
 *
 * <ul>
 * <li>{@code decide}: the decision on a prepared request (the server prepares a request once per call);</li>
 * <li>{@code authorize}: the decision with its explanation object (message not rendered);</li>
 * <li>{@code prepareAndDecide}: building the request from strings (ARN split, context lower-cased) plus the decision.</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar PolicyEvaluationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyEvaluationBenchmark {
    private Authorizer authorizer;
    private AuthorizationRequest request;
    private PolicySet policies;

    @Setup
    public void compile() throws Exception {
        PolicyCase c = new CaseReader().read(referenceCase());
        authorizer = Authorizer.aws();
        request = c.request();
        policies = c.policies();
        Decision d = authorizer.decide(request, policies);
        if (d != Decision.Allowed) {
            throw new IllegalStateException("the reference case must be Allowed, got " + d);
        }
    }

    static String referenceCase() throws IOException {
        try (InputStream in = PolicyEvaluationBenchmark.class.getResourceAsStream("/reference-case.jsonl")) {
            if (in == null) {
                throw new IOException("reference-case.jsonl is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst()
                    .orElseThrow();
        }
    }

    @Benchmark
    public Decision decide() {
        return authorizer.decide(request, policies);
    }

    @Benchmark
    public AuthorizationResult authorize() {
        return authorizer.authorize(request, policies);
    }

    @Benchmark
    public Decision prepareAndDecide() {
        AuthorizationRequest fresh = AuthorizationRequest.builder()
                .principal(request.principal())
                .action(request.action())
                .resource(request.resource())
                .resourceAccount(request.resourceAccount())
                .context(request.context())
                .build();
        return authorizer.decide(fresh, policies);
    }
}
