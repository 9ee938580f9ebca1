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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        CommandLine cmd = new CommandLine(new PolicyCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void validatePrintsFindingsWithLocationsAndExitsOneOnErrors(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"Version\":\"2012-10-17\",\n\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        assertThat(run("", "validate", good.toString())).isZero();
        assertThat(out.toString()).contains("good.json: valid identity policy");
        assertThat(run("", "validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("bad.json:2:")
                .contains("error: Policy document should not specify a principal. (at $.Statement[0].Principal)");
        assertThat(run("", "validate", "--type", "resource", bad.toString())).isZero();
    }

    @Test
    void validateRejectsAnUnknownKind(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("p.json");
        Files.writeString(good, "{}");
        assertThat(run("", "validate", "--type", "nonsense", good.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown policy kind `nonsense`");
    }

    @Test
    void simulateWritesOneDecisionPerCaseInOrder() throws Exception {
        String allow = "{\"id\":\"a\",\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"sqs:SendMessage\","
                + "\"resource\":\"arn:aws:sqs:us-east-1:111122223333:jobs\"},\"identityPolicies\":[{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}]}";
        String none = "{\"id\":7,\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"sqs:SendMessage\","
                + "\"resource\":\"arn:aws:sqs:us-east-1:111122223333:jobs\"}}";
        String broken = "{\"id\":\"b\",\"request\":{}}";
        assertThat(run(allow + "\n" + none + "\n" + broken + "\n", "simulate", "--repeat", "50")).isEqualTo(1);
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).get("decision").asText()).isEqualTo("Allowed");
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("ImplicitlyDenied");
        assertThat(lines.get(1).get("explanation").asText()).contains("because no identity-based policy allows the sqs:SendMessage action");
        assertThat(lines.get(2).get("decision").isNull()).isTrue();
        assertThat(lines.get(2).get("error").asText()).contains("request.principal");
        assertThat(err.toString()).containsPattern("decisions/s: \\d+");
    }
}
