package io.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @Test
  void defaultsMatchTheDocumentedServeCommand() {
    ServerConfig c = ServerConfig.defaults();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.bind()).isEqualTo("127.0.0.1");
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.keyringPath()).isEqualTo(Path.of("./data/keyring"));
    assertThat(c.rootCredentialsPath()).isEqualTo(Path.of("./data/root-credentials"));
    assertThat(c.rootAccessKeyId()).isNull();
    assertThat(c.changePollInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gatehouse.properties");
    Files.writeString(file, "port=1111\nbind=10.0.0.1\nmax-body-bytes=2048\n");
    ServerConfig c = ServerConfig.load(
        Map.of("port", "3333", "config", file.toString()),
        Map.of("GATEHOUSE_PORT", "2222", "GATEHOUSE_BIND", "0.0.0.0"));
    assertThat(c.port()).isEqualTo(3333);
    assertThat(c.bind()).isEqualTo("0.0.0.0");
    assertThat(c.maxBodyBytes()).isEqualTo(2048);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
  }

  @Test
  void theConfigFileCanComeFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("g.properties");
    Files.writeString(file, "database-url=jdbc:postgresql://db:5432/gatehouse\ndatabase-user=gh\n");
    ServerConfig c = ServerConfig.load(Map.of(), Map.of("GATEHOUSE_CONFIG", file.toString(),
        "GATEHOUSE_DATABASE_PASSWORD", "pw"));
    assertThat(c.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/gatehouse");
    assertThat(c.databaseUser()).isEqualTo("gh");
    assertThat(c.databasePassword().value()).isEqualTo("pw");
    assertThat(c.embeddedDatabase()).isFalse();
  }

  @Test
  void secretsAreRedactedWhenPrinted() {
    ServerConfig c = ServerConfig.load(Map.of("database-password", "hunter2-password"),
        Map.of("GATEHOUSE_ROOT_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12",
            "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("wJalrXUtnFEMI").contains("AKIAEXAMPLEEXAMPLE12");
    assertThat(String.join("\n", c.describe()))
        .doesNotContain("hunter2").doesNotContain("wJalrXUtnFEMI")
        .contains("database-password = ******").contains("root-secret-access-key = ******");
    assertThat(c.rootSecretAccessKey().value()).isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void describeListsEveryOptionButTheFileItself() {
    assertThat(ServerConfig.defaults().describe()).hasSize(Settings.ALL.size() - 1);
  }

  @Test
  void badValuesNameTheOptionAndWhereTheValueCameFrom() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of(), Map.of("GATEHOUSE_PORT", "http")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--port").hasMessageContaining("GATEHOUSE_PORT").hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("port", "70000"), Map.of()))
        .hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("database-url", "mysql://x"), Map.of()))
        .hasMessageContaining("--database-url");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("change-poll-interval", "soon"), Map.of()))
        .hasMessageContaining("250ms");
  }

  @Test
  void aBadSecretIsNotEchoed() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of(), Map.of("GATEHOUSE_ROOT_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12",
        "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", "short-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("short-secret")
        .hasMessageContaining("--root-secret-access-key");
  }

  @Test
  void rootKeyIdAndSecretComeTogether() {
    assertThatThrownBy(() -> ServerConfig.load(Map.of("root-access-key-id", "AKIAEXAMPLEEXAMPLE12"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be given together");
  }

  @Test
  void unknownKeysInTheFileAreErrorsNotSilentTypos(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("g.properties");
    Files.writeString(file, "prot=8080\n");
    assertThatThrownBy(() -> ServerConfig.load(Map.of("config", file.toString()), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown option `prot`");
  }

  @Test
  void environmentVariableNamesFollowTheOptionNames() {
    assertThat(Settings.DATABASE_URL.environmentVariable()).isEqualTo("GATEHOUSE_DATABASE_URL");
    assertThat(Settings.ROOT_SECRET_ACCESS_KEY.environmentVariable()).isEqualTo("GATEHOUSE_ROOT_SECRET_ACCESS_KEY");
    assertThat(Settings.ALL).extracting(Setting::name).doesNotHaveDuplicates();
  }
}
