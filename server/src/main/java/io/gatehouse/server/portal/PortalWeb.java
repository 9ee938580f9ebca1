package io.gatehouse.server.portal;

import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.gatehouse.server.core.AwsException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's web pages: sign-in (password, new password, authenticator registration, code),
 * the accounts and roles of the signed-in user with their access keys, and the device page where
 * the user approves {@code aws sso login}. Independent of the HTTP server: a request in, a response out.
 *
 * <p>Browser security: the session cookie is HttpOnly and SameSite=Lax (Secure behind https);
 * every POST carries a CSRF token (the session's, or before sign-in a double-submit cookie) and,
 * when the browser sends an Origin, it must be this portal's; pages are never framed or cached;
 * {@code next} only ever names a path on this portal.
 */
public final class PortalWeb {
  static final String SESSION_COOKIE = "gh_session";
  static final String CSRF_COOKIE = "gh_csrf";
  private static final Set<String> PATHS = Set.of("/start", "/start/credentials", "/login", "/login/password",
      "/login/mfa-setup", "/login/mfa", "/device", "/authorize", "/signout");

  private final PortalService portal;

  PortalWeb(PortalService portal) {
    this.portal = portal;
  }

  /** Whether a request's path is one of the portal's pages (the rest is the AWS APIs'). */
  public static boolean serves(String rawPath) {
    return PATHS.contains(rawPath);
  }

  public HttpResponseData handle(HttpRequestData request) {
    boolean post = "POST".equals(request.method());
    if (!post && !"GET".equals(request.method())) return page(405, Pages.message("Not allowed", "Use the portal's pages."));
    Optional<WebForm> query = WebForm.parse(request.rawQuery());
    Optional<WebForm> body = post ? WebForm.parse(request.body()) : Optional.of(WebForm.EMPTY);
    if (query.isEmpty() || body.isEmpty()) return page(400, Pages.message("Bad request", "The form could not be read."));
    if (post && !sameOrigin(request)) return page(403, Pages.message("Refused", "The form was sent from another site."));
    Request r = new Request(request, query.get(), body.get(), cookie(request, SESSION_COOKIE));
    try {
      return switch (request.rawPath()) {
        case "/login" -> post ? loginPost(r) : loginPage(r, null, "");
        case "/login/password" -> post ? passwordPost(r) : stagePage(r, Stage.PASSWORD);
        case "/login/mfa-setup" -> post ? mfaSetupPost(r) : stagePage(r, Stage.MFA_SETUP);
        case "/login/mfa" -> post ? mfaPost(r) : stagePage(r, Stage.MFA);
        case "/device" -> post ? devicePost(r) : devicePage(r);
        case "/authorize" -> post ? authorizePost(r) : authorizePage(r);
        case "/start" -> post ? page(405, Pages.message("Not allowed", "Use the portal's pages.")) : home(r);
        case "/start/credentials" -> post ? credentials(r) : redirect("/start", null);
        case "/signout" -> post ? signOut(r) : redirect("/start", null);
        default -> page(404, Pages.message("Not found", "There is no such page."));
      };
    } catch (AwsException e) {
      return page(e.httpStatus(), Pages.message("Not available", e.getMessage()));
    }
  }

  private record Request(HttpRequestData http, WebForm query, WebForm form, String sessionCookie) {}

  private HttpResponseData loginPage(Request r, String error, String userName) {
    String csrf = cookie(r.http(), CSRF_COOKIE);
    String setCookie = null;
    if (csrf == null || csrf.length() < 20) {
      csrf = Secrets.random("");
      setCookie = CSRF_COOKIE + "=" + csrf + "; Path=/login; HttpOnly; SameSite=Strict" + secure(r);
    }
    String next = safeNext(r.query().get("next").isEmpty() ? r.form().get("next") : r.query().get("next"));
    return page(error == null ? 200 : 401, Pages.login(error, csrf, next, userName), setCookie);
  }

  private HttpResponseData loginPost(Request r) {
    String csrf = cookie(r.http(), CSRF_COOKIE);
    if (csrf == null || !csrf.equals(r.form().get("csrf"))) {
      return loginPage(r, "The sign-in form expired. Try again.", r.form().get("username"));
    }
    SignIn.Step step = portal.signIn().password(r.form().get("username"), r.form().get("password"));
    if (!step.ok()) return loginPage(r, step.error(), r.form().get("username"));
    String cookie = SESSION_COOKIE + "=" + step.cookie() + "; Path=/; HttpOnly; SameSite=Lax" + secure(r);
    return redirect(nextStep(step.session().stage(), safeNext(r.form().get("next"))), cookie);
  }

  private HttpResponseData stagePage(Request r, Stage stage) {
    Optional<BrowserSession> s = portal.signIn().session(r.sessionCookie());
    if (s.isEmpty() || s.get().stage() != stage) return redirect(s.map(x -> nextStep(x.stage(), next(r))).orElse(loginUrl(r)), null);
    return stageView(s.get(), null, next(r));
  }

  private HttpResponseData stageView(BrowserSession s, String error, String next) {
    int status = error == null ? 200 : 400;
    return switch (s.stage()) {
      case PASSWORD -> page(status, Pages.changePassword(error, s.csrfToken()));
      case MFA_SETUP -> page(status, Pages.mfaSetup(error, s.csrfToken(), portal.signIn().enrollment(s, userName(s))));
      case MFA -> page(status, Pages.mfa(error, s.csrfToken()));
      case SIGNED_IN -> redirect(next, null);
    };
  }

  private HttpResponseData passwordPost(Request r) {
    return stageStep(r, Stage.PASSWORD, s -> portal.signIn().changePassword(s, r.form().get("password"), r.form().get("confirm")));
  }

  private HttpResponseData mfaSetupPost(Request r) {
    return stageStep(r, Stage.MFA_SETUP, s -> portal.signIn().completeEnrollment(s, r.form().get("code")));
  }

  private HttpResponseData mfaPost(Request r) {
    return stageStep(r, Stage.MFA, s -> portal.signIn().verifyCode(s, r.form().get("code")));
  }

  private HttpResponseData stageStep(Request r, Stage stage, java.util.function.Function<BrowserSession, SignIn.Step> step) {
    Optional<BrowserSession> s = portal.signIn().session(r.sessionCookie());
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    if (!s.get().csrfToken().equals(r.form().get("csrf"))) return page(403, Pages.message("Refused", "The form expired."));
    if (s.get().stage() != stage) return redirect(nextStep(s.get().stage(), next(r)), null);
    SignIn.Step result = step.apply(s.get());
    if (!result.ok()) {
      // a step that ended the session (or moved it elsewhere) starts over; otherwise show the error
      Optional<BrowserSession> now = portal.signIn().session(r.sessionCookie());
      if (now.isEmpty()) return loginPage(r, result.error(), "");
      return stageView(now.get(), result.error(), next(r));
    }
    return redirect(nextStep(result.session().stage(), next(r)), null);
  }

  private HttpResponseData devicePage(Request r) {
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    String userName = userName(s.get());
    String userCode = r.query().get("user_code");
    if (userCode.isEmpty()) return page(200, Pages.deviceCodeEntry(null, userName));
    Optional<DeviceAuthorization> d = portal.oidc().pending(userCode);
    if (d.isEmpty()) return page(404, Pages.deviceCodeEntry("That code is not valid, or has expired.", userName));
    String clientName = portal.oidc().client(d.get().clientId()).map(OidcClient::name).orElse("a client");
    return page(200, Pages.deviceConfirm(s.get().csrfToken(), userName, d.get().userCode(), clientName));
  }

  private HttpResponseData devicePost(Request r) {
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    if (!s.get().csrfToken().equals(r.form().get("csrf"))) return page(403, Pages.message("Refused", "The form expired."));
    boolean allow = "allow".equals(r.form().get("decision"));
    if (!portal.oidc().decide(r.form().get("user_code"), s.get().userId(), allow)) {
      return page(404, Pages.deviceCodeEntry("That code is not valid, or has expired.", userName(s.get())));
    }
    return page(200, Pages.deviceDone(userName(s.get()), allow));
  }

  /** The authorization-code grant's page: the client sent the browser here with its PKCE challenge. */
  private HttpResponseData authorizePage(Request r) {
    WebForm q = r.query();
    OidcClient client = portal.oidc().authorizationClient(q.get("client_id"), q.get("redirect_uri"), q.get("response_type"),
        q.get("code_challenge"), q.get("code_challenge_method"));
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    return page(200, Pages.authorizeConfirm(s.get().csrfToken(), userName(s.get()), client.name(), q.fields()),
        null, origin(q.get("redirect_uri")));
  }

  private HttpResponseData authorizePost(Request r) {
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    if (!s.get().csrfToken().equals(r.form().get("csrf"))) return page(403, Pages.message("Refused", "The form expired."));
    WebForm f = r.form();
    OidcClient client = portal.oidc().authorizationClient(f.get("client_id"), f.get("redirect_uri"), f.get("response_type"),
        f.get("code_challenge"), f.get("code_challenge_method"));
    String redirect = f.get("redirect_uri");
    String query = "allow".equals(f.get("decision"))
        ? "code=" + enc(portal.oidc().authorize(client, s.get().userId(), redirect, f.get("code_challenge")))
        : "error=access_denied";
    if (!f.get("state").isEmpty()) query += "&state=" + enc(f.get("state"));
    return redirect(redirect + (redirect.contains("?") ? "&" : "?") + query, null);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The scheme, host and port of a URI, for the form-action a redirect after a POST needs. */
  private static String origin(String uri) {
    URI u = URI.create(uri);
    return u.getScheme() + "://" + u.getRawAuthority();
  }

  private HttpResponseData home(Request r) {
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) {
      Optional<BrowserSession> partial = portal.signIn().session(r.sessionCookie());
      return redirect(partial.map(p -> nextStep(p.stage(), "/start")).orElse(loginUrl(r)), null);
    }
    PortalUser user = portal.signIn().user(s.get().userId()).orElseThrow();
    return page(200, Pages.home(user.userName(), s.get().csrfToken(), portal.access().accounts(user)));
  }

  private HttpResponseData credentials(Request r) {
    Optional<BrowserSession> s = signedIn(r);
    if (s.isEmpty()) return redirect(loginUrl(r), null);
    if (!s.get().csrfToken().equals(r.form().get("csrf"))) return page(403, Pages.message("Refused", "The form expired."));
    PortalUser user = portal.signIn().user(s.get().userId()).orElseThrow();
    String accountId = r.form().get("account_id");
    String roleName = r.form().get("role_name");
    IssuedSession credentials = portal.access().credentials(user, accountId, roleName);
    return page(200, Pages.credentials(user.userName(), accountId, roleName, credentials));
  }

  private HttpResponseData signOut(Request r) {
    portal.signIn().signOut(r.sessionCookie());
    return redirect("/login", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + secure(r));
  }

  private Optional<BrowserSession> signedIn(Request r) {
    return portal.signIn().session(r.sessionCookie()).filter(s -> s.stage() == Stage.SIGNED_IN);
  }

  private String userName(BrowserSession s) {
    return portal.signIn().user(s.userId()).map(PortalUser::userName).orElse("");
  }

  private static String nextStep(Stage stage, String next) {
    String suffix = "/start".equals(next) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    return switch (stage) {
      case PASSWORD -> "/login/password" + suffix;
      case MFA_SETUP -> "/login/mfa-setup" + suffix;
      case MFA -> "/login/mfa" + suffix;
      case SIGNED_IN -> next;
    };
  }

  /** Where to go once signed in: the query's {@code next}, or the form's. */
  private static String next(Request r) {
    return safeNext(r.query().get("next").isEmpty() ? r.form().get("next") : r.query().get("next"));
  }

  private static String loginUrl(Request r) {
    String here = r.http().rawPath() + (r.http().rawQuery().isEmpty() ? "" : "?" + r.http().rawQuery());
    if ("POST".equals(r.http().method())) here = "/start";
    return "/login?next=" + URLEncoder.encode(safeNext(here), StandardCharsets.UTF_8);
  }

  /** Only a path of this portal: never another site ({@code //host}, {@code https:}, {@code /\host}). */
  static String safeNext(String next) {
    if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
      return "/start";
    }
    String path = next.contains("?") ? next.substring(0, next.indexOf('?')) : next;
    return serves(path) ? next : "/start";
  }

  /** A POST from a browser names its origin; it must be this portal (same host and port). */
  private static boolean sameOrigin(HttpRequestData request) {
    String origin = request.header("origin");
    if (origin == null || origin.equals("null")) return origin == null;
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(request.header("host"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String secure(Request r) {
    String base = portal.portalUrl(r.http().header("host"));
    return base.startsWith("https://") ? "; Secure" : "";
  }

  private static String cookie(HttpRequestData request, String name) {
    String header = request.header("cookie");
    if (header == null) return null;
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(name + "=")) return p.substring(name.length() + 1);
    }
    return null;
  }

  private static HttpResponseData page(int status, String html) {
    return page(status, html, null);
  }

  private static HttpResponseData page(int status, String html, String setCookie) {
    return page(status, html, setCookie, null);
  }

  /** @param formTarget another origin a form on the page may end at (a redirect after its POST), or null */
  private static HttpResponseData page(int status, String html, String setCookie, String formTarget) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
        + (formTarget == null ? "" : " " + formTarget) + "; frame-ancestors 'none'");
    headers.put("Referrer-Policy", "no-referrer");
    if (setCookie != null) headers.put("Set-Cookie", setCookie);
    return new HttpResponseData(status, headers, html.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponseData redirect(String location, String setCookie) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location);
    headers.put("Cache-Control", "no-store");
    if (setCookie != null) headers.put("Set-Cookie", setCookie);
    return new HttpResponseData(303, headers, new byte[0]);
  }
}
