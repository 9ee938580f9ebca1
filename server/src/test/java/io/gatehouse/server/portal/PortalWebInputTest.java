package io.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalWebInputTest {
  @Test
  void nextOnlyEverNamesAPortalPage() {
    assertThat(PortalWeb.safeNext("/device?user_code=BCDF-GHJK")).isEqualTo("/device?user_code=BCDF-GHJK");
    assertThat(PortalWeb.safeNext("/start")).isEqualTo("/start");
    for (String hostile : new String[] {"//evil.example/x", "https://evil.example", "/\\evil.example", "/%0d%0aX: y",
        "/login\r\nSet-Cookie: x", "", null, "/assignment/accounts", "javascript:alert(1)"}) {
      assertThat(PortalWeb.safeNext(hostile)).as(String.valueOf(hostile)).isEqualTo("/start");
    }
  }

  @Test
  void formsAreDecodedAndBrokenEncodingIsRefused() {
    assertThat(WebForm.parse("a=1&b=x%20y&a=2").orElseThrow().get("a")).isEqualTo("1");
    assertThat(WebForm.parse("a=1&b=x%20y").orElseThrow().get("b")).isEqualTo("x y");
    assertThat(WebForm.parse("a=%zz")).isEmpty();
    assertThat(WebForm.parse(new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28})).isEmpty();
    assertThat(WebForm.parse("").orElseThrow().get("missing")).isEmpty();
  }

  @Test
  void userCodesAreReadAsTyped() {
    assertThat(Secrets.normalizeUserCode("bcdf ghjk")).isEqualTo("BCDF-GHJK");
    assertThat(Secrets.normalizeUserCode("BCDF-GHJK")).isEqualTo("BCDF-GHJK");
    assertThat(Secrets.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
  }

  @Test
  void pagesEscapeWhatTheyShow() {
    assertThat(Pages.esc("<script>\"&'")).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
    assertThat(Pages.login(null, "c", "/start", "\"><script>x</script>")).doesNotContain("<script>x");
  }

  @Test
  void sessionNamesFitRoleSessionName() {
    assertThat(PortalAccess.sessionName("alice@example.com")).isEqualTo("alice@example.com");
    assertThat(PortalAccess.sessionName("ana maría")).isEqualTo("ana-mar-a");
    assertThat(PortalAccess.sessionName("x")).isEqualTo("x-");
    assertThat(PortalAccess.sessionName("u".repeat(100))).hasSize(64);
  }
}
