package io.gatehouse.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse}: the command line. Each subcommand is its own class; this only assembles them. */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Self-hostable identity and access, wire-compatible with AWS IAM Identity Center, Organizations, IAM and STS.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The full command tree, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand("serve", ServeCommand.commandLine());
    cl.addSubcommand("policy", new PolicyCommand());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The version from the jar's manifest ({@code Implementation-Version}), or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"gatehouse " + (v == null ? "dev" : v)};
    }
  }
}
