package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The policy module's conformance corpus through the CLI entry point: `gatehouse policy simulate`
 * must give every case its documented AWS answer, in input order (the library runs the same
 * corpus in ConformanceTest).
 */
class PolicyCommandConformanceTest {
    private static final Path CORPUS = Path.of("..", "policy", "src", "test", "resources", "conformance");

    @Test
    void simulateAnswersEveryConformanceCaseAsAwsDocuments() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new PolicyCommand(
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cmd.execute("simulate")).isZero();

        ObjectMapper mapper = new ObjectMapper();
        List<String> answers = out.toString().lines().toList();
        assertThat(answers).hasSameSizeAs(lines);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode kase = mapper.readTree(lines.get(i));
            JsonNode answer = mapper.readTree(answers.get(i));
            assertThat(answer.get("id")).isEqualTo(kase.get("id"));
            if (!kase.get("awsExpected").asText().equals(answer.path("decision").asText())) {
                wrong.add(kase.get("id") + ": expected " + kase.get("awsExpected") + ", got " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
