package io.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
  @Test
  void aPasswordNeedsLengthAndFourKindsOfCharacter() {
    assertThat(PasswordRules.problem("Correct-horse-7")).isEmpty();
    assertThat(PasswordRules.problem("Sh0rt!")).hasValueSatisfying(p -> assertThat(p).contains("8 to 64"));
    assertThat(PasswordRules.problem("A1-" + "a".repeat(62))).hasValueSatisfying(p -> assertThat(p).contains("8 to 64"));
    assertThat(PasswordRules.problem("alllower-7")).isPresent();
    assertThat(PasswordRules.problem("ALLUPPER-7")).isPresent();
    assertThat(PasswordRules.problem("No-digits-here")).isPresent();
    assertThat(PasswordRules.problem("NoSymbols77")).isPresent();
    assertThat(PasswordRules.problem(null)).isPresent();
  }

  @Property(tries = 300)
  void generatedOneTimePasswordsMeetTheRules() {
    String password = PasswordRules.generate();
    assertThat(password).hasSize(16);
    assertThat(PasswordRules.problem(password)).isEmpty();
  }
}
