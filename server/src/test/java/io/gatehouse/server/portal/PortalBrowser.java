package io.gatehouse.server.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, for tests: keeps cookies, follows the portal's redirects by hand (so a
 * test sees each one), reads forms' hidden fields and fills them in as a person would. Codes
 * come from the authenticator app it registers, computed from the secret the page shows.
 */
final class PortalBrowser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
  private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>");

  record Page(int status, String location, String body, String path) {
    String csrf() {
      Matcher m = CSRF.matcher(body);
      if (!m.find()) throw new AssertionError("no CSRF field on " + path + ": " + body);
      return m.group(1);
    }
  }

  private final URI base;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  /** The authenticator app: the secret of the device this browser registered, base32. */
  String authenticatorSecret;

  PortalBrowser(URI base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  Page get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), pathAndQuery);
  }

  Page post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", base.getScheme() + "://" + base.getRawAuthority())
        .POST(HttpRequest.BodyPublishers.ofString(body)), path);
  }

  /** Follows 303s from {@code page} to the page they end on. */
  Page follow(Page page) {
    Page p = page;
    for (int i = 0; i < 10 && p.status() == 303; i++) p = get(p.location());
    return p;
  }

  /**
   * Signs in from {@code start}: the password, then whatever the portal asks next — a new
   * password ({@code newPassword}) for a one-time one, registering an authenticator, or its code.
   *
   * @return the page signing in ends on
   */
  Page signIn(String start, String userName, String password, String newPassword) {
    Page login = follow(get(start));
    if (!login.path().startsWith("/login")) return login;
    String next = login.body().contains("name=\"next\" value=\"") ? field(login.body(), "next") : "/start";
    Page p = post("/login", Map.of("csrf", login.csrf(), "next", next, "username", userName, "password", password));
    return completeSignIn(p, newPassword);
  }

  /** Answers the sign-in steps after the password. */
  Page completeSignIn(Page afterPassword, String newPassword) {
    Page p = follow(afterPassword);
    for (int i = 0; i < 4; i++) {
      String path = p.path().contains("?") ? p.path().substring(0, p.path().indexOf('?')) : p.path();
      switch (path) {
        case "/login/password" -> p = follow(post(p.path(), Map.of("csrf", p.csrf(), "password", newPassword,
            "confirm", newPassword)));
        case "/login/mfa-setup" -> {
          Matcher m = SECRET.matcher(p.body());
          if (!m.find()) throw new AssertionError("no authenticator secret shown: " + p.body());
          authenticatorSecret = m.group(1);
          p = follow(post(p.path(), Map.of("csrf", p.csrf(), "code", code())));
        }
        case "/login/mfa" -> p = follow(post(p.path(), Map.of("csrf", p.csrf(), "code", code())));
        default -> {
          return p;
        }
      }
    }
    return p;
  }

  /** The authenticator app's current code. */
  String code() {
    if (authenticatorSecret == null) throw new AssertionError("no authenticator registered in this browser");
    return Totp.code(base32(authenticatorSecret), Totp.step(clock.instant()));
  }

  /** Opens the CLI's verification link and answers it (signed in already). */
  Page decide(String verificationUriComplete, boolean allow) {
    Page confirm = follow(get(URI.create(verificationUriComplete).getRawPath() + "?" + URI.create(verificationUriComplete).getRawQuery()));
    if (confirm.status() != 200 || !confirm.body().contains("name=\"decision\"")) return confirm;
    return post("/device", Map.of("csrf", confirm.csrf(), "user_code", field(confirm.body(), "user_code"),
        "decision", allow ? "allow" : "deny"));
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void forgetCookies() {
    cookies.clear();
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) throw new AssertionError("no field " + name + ": " + html);
    return m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
  }

  static byte[] base32(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (char c : s.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  private Page send(HttpRequest.Builder request, String path) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("set-cookie").forEach(this::remember);
      return new Page(r.statusCode(), r.headers().firstValue("location").orElse(null), r.body(), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    String name = pair.substring(0, eq).strip();
    String value = pair.substring(eq + 1).strip();
    if (value.isEmpty() || setCookie.contains("Max-Age=0")) cookies.remove(name);
    else cookies.put(name, value);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Map<String, String> form(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
