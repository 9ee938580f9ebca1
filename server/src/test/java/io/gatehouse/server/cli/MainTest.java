package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionAndHelp() {
    Run version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("gatehouse ");
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("serve").contains("policy");
  }

  @Test
  void serveHelpListsEveryOptionWithItsEnvironmentVariable() {
    Run help = run("serve", "--help");
    assertThat(help.exitCode()).isZero();
    for (var s : io.gatehouse.server.config.Settings.ALL) {
      assertThat(help.out()).contains(s.flag()).contains(s.environmentVariable());
    }
  }

  @Test
  void anUnknownFlagIsAUsageError() {
    Run r = run("serve", "--prot", "8080");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--prot");
  }
}
