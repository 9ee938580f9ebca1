package io.gatehouse.server.portal;

import io.gatehouse.server.auth.IssuedSession;
import java.util.List;

/**
 * The portal's HTML, one method a page. Every value from a user or the database goes through
 * {@link #esc}; pages carry no script, and forms post back with the session's CSRF token.
 */
final class Pages {
  private Pages() {}

  static String login(String error, String csrf, String next, String userName) {
    return layout("Sign in", null, """
        <h1>Sign in</h1>
        %s
        <form method="post" action="/login">
          <input type="hidden" name="csrf" value="%s">
          <input type="hidden" name="next" value="%s">
          <label>Username <input name="username" value="%s" autocomplete="username" autofocus required></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Sign in</button>
        </form>""".formatted(error(error), esc(csrf), esc(next), esc(userName)));
  }

  static String changePassword(String error, String csrf) {
    return layout("Choose a new password", null, """
        <h1>Choose a new password</h1>
        <p>Your password was set by an administrator. Choose your own: 8 to 64 characters with a
        lower-case letter, an upper-case letter, a digit and another character.</p>
        %s
        <form method="post" action="/login/password">
          <input type="hidden" name="csrf" value="%s">
          <label>New password <input name="password" type="password" autocomplete="new-password" autofocus required></label>
          <label>Again <input name="confirm" type="password" autocomplete="new-password" required></label>
          <button type="submit">Set password</button>
        </form>""".formatted(error(error), esc(csrf)));
  }

  static String mfaSetup(String error, String csrf, SignIn.Enrollment enrollment) {
    return layout("Register an authenticator app", null, """
        <h1>Register an authenticator app</h1>
        <p>Signing in needs a code from an authenticator app. Add this key to yours, by its link or
        by typing it, then type the code the app shows.</p>
        <p class="secret"><code id="secret">%s</code></p>
        <p><a href="%s">Open in an authenticator app</a></p>
        %s
        <form method="post" action="/login/mfa-setup">
          <input type="hidden" name="csrf" value="%s">
          <label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code" autofocus required></label>
          <button type="submit">Register</button>
        </form>""".formatted(esc(enrollment.secret()), esc(enrollment.uri()), error(error), esc(csrf)));
  }

  static String mfa(String error, String csrf) {
    return layout("Authenticator code", null, """
        <h1>Authenticator code</h1>
        %s
        <form method="post" action="/login/mfa">
          <input type="hidden" name="csrf" value="%s">
          <label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code" autofocus required></label>
          <button type="submit">Verify</button>
        </form>""".formatted(error(error), esc(csrf)));
  }

  static String deviceCodeEntry(String error, String userName) {
    return layout("Authorize a device", userName, """
        <h1>Authorize a device</h1>
        <p>Type the code your command line shows.</p>
        %s
        <form method="get" action="/device">
          <label>Code <input name="user_code" autocomplete="off" autofocus required></label>
          <button type="submit">Next</button>
        </form>""".formatted(error(error)));
  }

  static String deviceConfirm(String csrf, String userName, String userCode, String clientName) {
    return layout("Authorize a device", userName, """
        <h1>Allow %s to use your access?</h1>
        <p>The request shows the code <code id="user-code">%s</code>. Allow it only if your command line shows the same code.</p>
        <form method="post" action="/device">
          <input type="hidden" name="csrf" value="%s">
          <input type="hidden" name="user_code" value="%s">
          <button type="submit" name="decision" value="allow">Allow</button>
          <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
        </form>""".formatted(esc(clientName), esc(userCode), esc(csrf), esc(userCode)));
  }

  /** Consent for the authorization-code grant; {@code request} holds the client's query, carried in hidden fields. */
  static String authorizeConfirm(String csrf, String userName, String clientName, java.util.Map<String, String> request) {
    StringBuilder hidden = new StringBuilder();
    for (String name : List.of("client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method",
        "response_type", "scopes")) {
      hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
          .append(esc(request.getOrDefault(name, ""))).append("\">");
    }
    return layout("Allow access", userName, """
        <h1>Allow %s to use your access?</h1>
        <p>It asked to sign in as you. Allow it only if you started it just now.</p>
        <form method="post" action="/authorize">
          <input type="hidden" name="csrf" value="%s">%s
          <button type="submit" name="decision" value="allow">Allow</button>
          <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
        </form>""".formatted(esc(clientName), esc(csrf), hidden));
  }

  static String deviceDone(String userName, boolean allowed) {
    String text = allowed ? "Request approved. You can close this window and return to your command line."
        : "Request denied. Nothing was given to the device.";
    return layout(allowed ? "Request approved" : "Request denied", userName,
        "<h1>" + (allowed ? "Request approved" : "Request denied") + "</h1><p id=\"result\">" + text + "</p>");
  }

  static String home(String userName, String csrf, List<PortalAccess.AccountAccess> accounts) {
    StringBuilder list = new StringBuilder();
    if (accounts.isEmpty()) {
      list.append("<p id=\"no-access\">You have no access to any account yet. An administrator assigns it.</p>");
    }
    for (PortalAccess.AccountAccess a : accounts) {
      list.append("<section class=\"account\"><h2>").append(esc(a.accountName())).append(" <small>")
          .append(esc(a.accountId())).append(" · ").append(esc(a.emailAddress())).append("</small></h2><ul>");
      for (String role : a.roles()) {
        list.append("<li><form method=\"post\" action=\"/start/credentials\">")
            .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf)).append("\">")
            .append("<input type=\"hidden\" name=\"account_id\" value=\"").append(esc(a.accountId())).append("\">")
            .append("<input type=\"hidden\" name=\"role_name\" value=\"").append(esc(role)).append("\">")
            .append("<span class=\"role\">").append(esc(role)).append("</span> ")
            .append("<button type=\"submit\" class=\"secondary\">Access keys</button></form></li>");
      }
      list.append("</ul></section>");
    }
    return layout("AWS access portal", userName, "<h1>Accounts</h1>" + list);
  }

  static String credentials(String userName, String accountId, String roleName, IssuedSession s) {
    String exports = "export AWS_ACCESS_KEY_ID=\"" + s.accessKeyId() + "\"\nexport AWS_SECRET_ACCESS_KEY=\""
        + s.secretAccessKey() + "\"\nexport AWS_SESSION_TOKEN=\"" + s.sessionToken() + "\"";
    return layout("Access keys", userName, """
        <h1>Access keys for %s in %s</h1>
        <p>Valid until %s. Paste them into a shell:</p>
        <pre id="exports">%s</pre>
        <p><a href="/start">Back to accounts</a></p>""".formatted(esc(roleName), esc(accountId), esc(s.expiration().toString()),
        esc(exports)));
  }

  static String message(String title, String text) {
    return layout(title, null, "<h1>" + esc(title) + "</h1><p>" + esc(text) + "</p><p><a href=\"/start\">Sign in</a></p>");
  }

  private static String error(String error) {
    return error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";
  }

  private static String layout(String title, String userName, String body) {
    String header = userName == null ? "" : """
        <header><span>Signed in as <b id="user">%s</b></span>
        <form method="post" action="/signout"><button type="submit" class="link">Sign out</button></form></header>"""
        .formatted(esc(userName));
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Gatehouse</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
        header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ddd;margin-bottom:1rem}
        label{display:block;margin:.6rem 0}input{display:block;width:100%%;max-width:24rem;padding:.4rem;font:inherit}
        button{padding:.45rem 1rem;font:inherit;background:#1f5fbf;color:#fff;border:0;border-radius:4px;cursor:pointer}
        button.secondary{background:#e8edf4;color:#1b1f24}button.link{background:none;color:#1f5fbf;padding:0}
        .error{color:#a40e26}.secret code{font-size:1.2rem;letter-spacing:.1em}
        .account{border:1px solid #ddd;border-radius:6px;padding:0 1rem;margin:1rem 0}ul{list-style:none;padding:0}
        li form{display:flex;gap:1rem;align-items:center;margin:.4rem 0}.role{min-width:12rem}
        pre{background:#f4f6f8;padding:1rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        small{color:#57606a;font-weight:normal}
        </style></head>
        <body>%s
        %s
        </body></html>
        """.formatted(esc(title), header, body);
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
