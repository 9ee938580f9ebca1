package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.policy.cases.CaseFormatException;
import io.gatehouse.policy.cases.CaseReader;
import io.gatehouse.policy.cases.PolicyCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the independent oracle: the generated cases in differential/*.jsonl.gz
 * carry the oracle's decision in "expected". Agreement must be at least 99.5%, and every
 * disagreement must be listed in differential/known-disagreements.jsonl with the AWS rule that
 * shows the oracle wrong. Listed entries must still disagree (a stale entry fails too).
 */
class DifferentialTest {
    private static final double REQUIRED_AGREEMENT = 0.995;

    record Outcome(String id, Decision oracle, Decision ours, String explanation, List<String> caveats) {}

    private static final List<Outcome> outcomes = new ArrayList<>();
    private static final List<String> unreadable = new ArrayList<>();
    private static final Map<String, String> known = new LinkedHashMap<>();

    @BeforeAll
    static void evaluateEveryCase() throws IOException {
        CaseReader reader = new CaseReader();
        Authorizer authorizer = Authorizer.aws();
        for (Path file : CaseFiles.in("differential", ".jsonl.gz")) {
            for (CaseFiles.Line line : CaseFiles.lines(file)) {
                try {
                    PolicyCase c = reader.read(line.text());
                    if (c.expected().isEmpty()) {
                        continue; // the oracle rejected the case: nothing to compare
                    }
                    AuthorizationResult r = authorizer.authorize(c.request(), c.policies());
                    outcomes.add(new Outcome(c.id(), c.expected().get(), r.decision(),
                            r.decision() == c.expected().get() ? "" : r.explanation(), c.caveats()));
                } catch (CaseFormatException e) {
                    unreadable.add(file.getFileName() + ":" + line.number() + " " + e.getMessage());
                }
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : CaseFiles.in("differential", "known-disagreements.jsonl")) {
            for (CaseFiles.Line line : CaseFiles.lines(file)) {
                JsonNode n = mapper.readTree(line.text());
                known.put(n.path("id").asText(), n.path("reason").asText());
            }
        }
    }

    @Test
    void thereAreAtLeastTenThousandCases() {
        assertThat(outcomes.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void everyCaseReads() {
        assertThat(unreadable).isEmpty();
    }

    @Test
    void agreementIsAtLeast995PerThousand() {
        long agree = outcomes.stream().filter(o -> o.ours() == o.oracle()).count();
        double agreement = (double) agree / outcomes.size();
        System.out.printf("differential agreement: %d of %d (%.3f%%), %d listed disagreements%n",
                agree, outcomes.size(), agreement * 100, known.size());
        assertThat(agreement).isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    @Test
    void everyDisagreementIsListedWithTheAwsRuleThatShowsTheOracleWrong() {
        List<String> unexplained = outcomes.stream()
                .filter(o -> o.ours() != o.oracle() && !known.containsKey(o.id()))
                .map(o -> o.id() + ": ours " + o.ours() + ", oracle " + o.oracle()
                        + (o.caveats().isEmpty() ? "" : " (oracle caveats " + o.caveats() + ")")
                        + " - " + o.explanation())
                .toList();
        assertThat(unexplained).as("disagreements not in known-disagreements.jsonl").isEmpty();
    }

    @Test
    void listedDisagreementsHaveReasonsAndStillDisagree() {
        Map<String, Outcome> byId = new LinkedHashMap<>();
        outcomes.forEach(o -> byId.put(o.id(), o));
        List<String> stale = new ArrayList<>();
        known.forEach((id, reason) -> {
            Outcome o = byId.get(id);
            if (reason.isBlank() || !reason.contains("AWS")) {
                stale.add(id + ": the reason must name the AWS rule");
            } else if (o == null) {
                stale.add(id + ": no such case");
            } else if (o.ours() == o.oracle()) {
                stale.add(id + ": we now agree with the oracle; remove the entry");
            }
        });
        assertThat(stale).isEmpty();
    }
}
