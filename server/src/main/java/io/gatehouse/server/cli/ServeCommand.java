package io.gatehouse.server.cli;

import io.gatehouse.server.config.ConfigException;
import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.config.Setting;
import io.gatehouse.server.config.Settings;
import io.gatehouse.server.runtime.GatehouseServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code gatehouse serve}: its flags are generated from {@link Settings}, so each option is declared
 * once; the values resolve into one {@link ServerConfig} that becomes a running {@link GatehouseServer}.
 */
final class ServeCommand implements Callable<Integer> {
  private static final String PRINT_CONFIG = "--print-config";
  private CommandSpec spec;

  static CommandLine commandLine() {
    ServeCommand command = new ServeCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name("serve");
    spec.mixinStandardHelpOptions(true);
    spec.versionProvider(new Main.Version());
    spec.usageMessage().description(
        "Run the server (embedded H2 in the data dir unless --database-url is given).",
        "Every option can also be set by its environment variable or in a --config file.");
    for (Setting<?> s : Settings.ALL) {
      spec.addOption(OptionSpec.builder(s.flag())
          .paramLabel("<" + s.label() + ">")
          .type(String.class)
          .description(s.description() + " (env " + s.environmentVariable()
              + (s.defaultValue() == null || s.defaultValue().isEmpty() ? "" : "; default " + s.defaultValue()) + ")")
          .build());
    }
    spec.addOption(OptionSpec.builder(PRINT_CONFIG).arity("0").type(boolean.class)
        .description("Print the resolved configuration (secrets redacted) and exit.").build());
    command.spec = spec;
    return new CommandLine(spec);
  }

  @Override
  public Integer call() {
    Map<String, String> flags = new HashMap<>();
    for (Setting<?> s : Settings.ALL) {
      String value = spec.findOption(s.flag()).getValue();
      if (value != null) flags.put(s.name(), value);
    }
    ServerConfig config;
    try {
      config = ServerConfig.load(flags, System.getenv());
    } catch (ConfigException e) {
      System.err.println("gatehouse: " + e.getMessage());
      return 2;
    }
    if (Boolean.TRUE.equals(spec.findOption(PRINT_CONFIG).getValue())) {
      config.describe().forEach(System.out::println);
      return 0;
    }
    GatehouseServer server = new GatehouseServer(config, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gatehouse-shutdown"));
    try {
      server.start();
    } catch (RuntimeException e) {
      System.err.println("gatehouse: cannot start: " + e.getMessage());
      server.stop();
      return 1;
    }
    server.awaitStop();
    return 0;
  }
}
