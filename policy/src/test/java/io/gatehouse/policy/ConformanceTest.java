package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.policy.cases.CaseFormatException;
import io.gatehouse.policy.cases.CaseReader;
import io.gatehouse.policy.cases.PolicyCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written conformance corpus (conformance/*.jsonl: each case names the AWS documentation
 * rule it pins in "rule") and the oracle's 68 examples (examples/examples.jsonl): every case's
 * decision must equal "awsExpected", AWS's documented answer. One dynamic test per case, named by its id.
 */
class ConformanceTest {
    private static final CaseReader READER = new CaseReader();
    private static final Authorizer AUTHORIZER = Authorizer.aws();

    @TestFactory
    Stream<DynamicContainer> conformanceCorpus() {
        return files("conformance").stream().map(ConformanceTest::container);
    }

    @TestFactory
    Stream<DynamicContainer> oracleExamples() {
        return files("examples").stream().map(ConformanceTest::container);
    }

    @Test
    void theCorpusIsThere() {
        int cases = files("conformance").stream().mapToInt(f -> CaseFiles.lines(f).size()).sum();
        assertThat(cases).as("hand-written conformance cases").isGreaterThanOrEqualTo(300);
        int examples = files("examples").stream().mapToInt(f -> CaseFiles.lines(f).size()).sum();
        assertThat(examples).as("the oracle's examples").isEqualTo(68);
    }

    private static List<Path> files(String dir) {
        return CaseFiles.in(dir, ".jsonl");
    }

    private static DynamicContainer container(Path file) {
        List<DynamicTest> tests = new ArrayList<>();
        for (CaseFiles.Line line : CaseFiles.lines(file)) {
            PolicyCase c;
            try {
                c = READER.read(line.text());
            } catch (CaseFormatException e) {
                String name = e.caseId() != null ? e.caseId() : file.getFileName() + ":" + line.number();
                tests.add(DynamicTest.dynamicTest(name, () -> fail("case does not parse: " + e.getMessage())));
                continue;
            }
            PolicyCase kase = c;
            tests.add(DynamicTest.dynamicTest(String.valueOf(c.id()), () -> check(kase)));
        }
        return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
    }

    private static void check(PolicyCase c) {
        assertThat(c.awsExpected()).as("case %s has an awsExpected decision", c.id()).isPresent();
        AuthorizationResult result = AUTHORIZER.authorize(c.request(), c.policies());
        assertThat(result.decision())
                .as("case %s (rule: %s; note: %s) explained as: %s", c.id(), c.rule().orElse("-"),
                        c.note().orElse("-"), result.explanation())
                .isEqualTo(c.awsExpected().get());
    }
}
