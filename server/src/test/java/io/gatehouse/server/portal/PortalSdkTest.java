package io.gatehouse.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.GatehouseAdminClient;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The access portal end to end with the AWS SDK's own sso-oidc and sso clients (what the CLI's
 * {@code aws sso login} and its credential provider call) and a browser for the human part: a
 * group's member signs in (one-time password, own password, authenticator), approves the device,
 * lists accounts and roles, gets credentials whose calls the reserved role's policies decide;
 * access follows membership and assignments at once.
 */
abstract class PortalSdkTest {
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String NEW_PASSWORD = "Correct-horse-7";

  abstract GatehouseTestServer server();

  private SsoAdminClient ssoAdmin;
  private IdentitystoreClient ids;
  private SsoOidcClient oidc;
  private SsoClient sso;
  private GatehouseAdminClient admin;
  private String account;
  private String group;
  private String permissionSet;
  private String setName;

  @BeforeEach
  void world() throws Exception {
    server().clock().reset();
    ssoAdmin = server().client(SsoAdminClient.builder());
    ids = server().client(IdentitystoreClient.builder());
    oidc = server().client(SsoOidcClient.builder());
    sso = server().client(SsoClient.builder());
    admin = new GatehouseAdminClient(server().endpoint(), server().rootCredentials());
    OrganizationsClient orgs = server().client(OrganizationsClient.builder());
    String unique = UUID.randomUUID().toString().substring(0, 8);
    account = orgs.createAccount(b -> b.accountName("prod-" + unique).email("prod-" + unique + "@example.com"))
        .createAccountStatus().accountId();
    group = ids.createGroup(b -> b.identityStoreId(store()).displayName("Platform-Engineers-" + unique)).groupId();
    setName = "Developer" + unique.substring(0, 4);
    permissionSet = ssoAdmin.createPermissionSet(b -> b.instanceArn(instance()).name(setName).sessionDuration("PT2H"))
        .permissionSet().permissionSetArn();
    ssoAdmin.attachManagedPolicyToPermissionSet(b -> b.instanceArn(instance()).permissionSetArn(permissionSet)
        .managedPolicyArn(READ_ONLY));
    String request = ssoAdmin.createAccountAssignment(b -> b.instanceArn(instance()).permissionSetArn(permissionSet)
        .principalType(PrincipalType.GROUP).principalId(group).targetType("AWS_ACCOUNT").targetId(account))
        .accountAssignmentCreationStatus().requestId();
    Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(20), () -> assertThat(ssoAdmin
        .describeAccountAssignmentCreationStatus(b -> b.instanceArn(instance()).accountAssignmentCreationRequestId(request))
        .accountAssignmentCreationStatus().status()).isEqualTo(StatusValues.SUCCEEDED));
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void aMemberSignsInApprovesTheDeviceAndGetsTheRolesCredentials() {
    String alice = user("alice");
    member(alice);
    String password = resetPassword(alice);
    RegisterClientResponse client = register(List.of("sso:account:access"));
    StartDeviceAuthorizationResponse device = start(client);
    assertThat(device.userCode()).matches("[B-Z]{4}-[B-Z]{4}");
    assertThat(device.verificationUriComplete()).isEqualTo(server().endpoint() + "/device?user_code=" + device.userCode());
    assertThat(device.interval()).isEqualTo(1);
    assertThatThrownBy(() -> token(client, device)).isInstanceOf(AuthorizationPendingException.class);

    PortalBrowser browser = browser();
    PortalBrowser.Page signedIn = browser.signIn(device.verificationUriComplete(), userName(alice), password, NEW_PASSWORD);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.body()).contains("Allow botocore-client-test", device.userCode());
    PortalBrowser.Page done = browser.decide(device.verificationUriComplete(), true);
    assertThat(done.body()).contains("Request approved");

    server().clock().advance(Duration.ofSeconds(2));
    CreateTokenResponse token = token(client, device);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.expiresIn()).isEqualTo(3600);
    assertThat(token.refreshToken()).isNotBlank();
    assertThatThrownBy(() -> token(client, device)).isInstanceOf(InvalidGrantException.class); // good once

    var accounts = sso.listAccounts(b -> b.accessToken(token.accessToken())).accountList();
    assertThat(accounts).singleElement().satisfies(a -> {
      assertThat(a.accountId()).isEqualTo(account);
      assertThat(a.accountName()).startsWith("prod-");
      assertThat(a.emailAddress()).endsWith("@example.com");
    });
    assertThat(sso.listAccountRoles(b -> b.accessToken(token.accessToken()).accountId(account)).roleList())
        .singleElement().satisfies(r -> assertThat(r.roleName()).isEqualTo(setName));

    RoleCredentials creds = credentials(token.accessToken());
    long lifetime = creds.expiration() - server().clock().millis();
    // the permission set's session duration
    assertThat(lifetime).isBetween(Duration.ofHours(2).minusSeconds(10).toMillis(), Duration.ofHours(2).toMillis());
    try (StsClient sts = as(StsClient.builder(), creds); IamClient iam = as(IamClient.builder(), creds)) {
      assertThat(sts.getCallerIdentity().arn())
          .matches("arn:aws:sts::" + account + ":assumed-role/AWSReservedSSO_" + setName + "_[0-9a-f]{16}/" + userName(alice));
      assertThat(iam.listRoles().roles()).isNotEmpty(); // ReadOnlyAccess allows reading
      assertThatThrownBy(() -> iam.createUser(b -> b.userName("intruder")))
          .isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.getMessage()).contains("iam:CreateUser", "no identity-based policy allows");
          });
    }
  }

  @Test
  void accessFollowsTheGroupRemovingAMemberEndsItAtOnceAndANewMemberGetsIt() {
    String alice = user("alice");
    String membership = member(alice);
    String aliceToken = signInWithDevice(alice);
    assertThat(sso.listAccounts(b -> b.accessToken(aliceToken)).accountList()).hasSize(1);

    ids.deleteGroupMembership(b -> b.identityStoreId(store()).membershipId(membership));
    assertThat(sso.listAccounts(b -> b.accessToken(aliceToken)).accountList()).isEmpty();
    assertThat(sso.listAccountRoles(b -> b.accessToken(aliceToken).accountId(account)).roleList()).isEmpty();
    assertThatThrownBy(() -> credentials(aliceToken))
        .isInstanceOfSatisfying(software.amazon.awssdk.services.sso.model.ResourceNotFoundException.class,
            e -> assertThat(e.statusCode()).isEqualTo(404));

    String bob = user("bob"); // a member who joins after the assignment was made
    String bobToken = signInWithDevice(bob);
    assertThat(sso.listAccounts(b -> b.accessToken(bobToken)).accountList()).isEmpty();
    member(bob);
    assertThat(credentials(bobToken).accessKeyId()).startsWith("ASIA");
  }

  @Test
  void deletingTheAssignmentEndsAccess() {
    String alice = user("alice");
    member(alice);
    String token = signInWithDevice(alice);
    assertThat(credentials(token).accessKeyId()).startsWith("ASIA");
    String request = ssoAdmin.deleteAccountAssignment(b -> b.instanceArn(instance()).permissionSetArn(permissionSet)
        .principalType(PrincipalType.GROUP).principalId(group).targetType("AWS_ACCOUNT").targetId(account))
        .accountAssignmentDeletionStatus().requestId();
    assertThat(request).isNotBlank();
    // from the request on: a DELETING assignment already gives nothing
    assertThat(sso.listAccounts(b -> b.accessToken(token)).accountList()).isEmpty();
  }

  @Test
  void clientsAreAuthenticatedAndDeviceCodesAreGoodOnceForTheirClient() {
    RegisterClientResponse client = register(List.of());
    StartDeviceAuthorizationResponse device = start(client);
    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId()).clientSecret("wrong")
        .grantType(Oidc.DEVICE_CODE_GRANT).deviceCode(device.deviceCode())))
        .isInstanceOfSatisfying(InvalidClientException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.error()).isEqualTo("invalid_client");
        });
    RegisterClientResponse other = register(List.of());
    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(other.clientId()).clientSecret(other.clientSecret())
        .grantType(Oidc.DEVICE_CODE_GRANT).deviceCode(device.deviceCode())))
        .isInstanceOf(InvalidGrantException.class);
    assertThatThrownBy(() -> oidc.startDeviceAuthorization(b -> b.clientId("ghc_unknown").clientSecret("x")
        .startUrl(server().endpoint() + "/start"))).isInstanceOf(InvalidClientException.class);
    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("password"))).isInstanceOf(software.amazon.awssdk.services.ssooidc.model.UnsupportedGrantTypeException.class);
  }

  @Test
  void pollingFasterThanTheIntervalIsSlowedDownAndACodeExpires() {
    RegisterClientResponse client = register(List.of());
    StartDeviceAuthorizationResponse device = start(client);
    assertThatThrownBy(() -> token(client, device)).isInstanceOf(AuthorizationPendingException.class);
    assertThatThrownBy(() -> token(client, device)).isInstanceOfSatisfying(SlowDownException.class,
        e -> assertThat(e.error()).isEqualTo("slow_down"));
    server().clock().advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> token(client, device)).isInstanceOf(AuthorizationPendingException.class);
    server().clock().advance(Duration.ofMinutes(10));
    assertThatThrownBy(() -> token(client, device)).isInstanceOf(ExpiredTokenException.class);
  }

  @Test
  void aDeniedDeviceGetsNoToken() {
    String alice = user("alice");
    String password = resetPassword(alice);
    RegisterClientResponse client = register(List.of());
    StartDeviceAuthorizationResponse device = start(client);
    PortalBrowser browser = browser();
    browser.signIn(device.verificationUriComplete(), userName(alice), password, NEW_PASSWORD);
    assertThat(browser.decide(device.verificationUriComplete(), false).body()).contains("Request denied");
    server().clock().advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> token(client, device)).isInstanceOfSatisfying(AccessDeniedException.class,
        e -> assertThat(e.error()).isEqualTo("access_denied"));
  }

  @Test
  void logoutAndAnAdministratorsSignOutEndTokens() {
    String alice = user("alice");
    member(alice);
    String first = signInWithDevice(alice);
    sso.logout(b -> b.accessToken(first));
    assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(first)))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));

    // a second sign-in of the same user: the browser session still stands, and a new code of the app
    server().clock().advance(Duration.ofSeconds(30));
    String second = deviceToken(lastBrowser, register(List.of()));
    assertThat(sso.listAccounts(b -> b.accessToken(second)).accountList()).hasSize(1);
    JsonNode out = admin.call("SignOutUser", Map.of("IdentityStoreId", store(), "UserId", alice));
    assertThat(out.path("SessionsEnded").asInt()).isEqualTo(1);
    assertThat(out.path("TokensEnded").asInt()).isEqualTo(1);
    assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(second))).isInstanceOf(UnauthorizedException.class);
    assertThat(lastBrowser.follow(lastBrowser.get("/start")).path()).startsWith("/login");
  }

  @Test
  void aRefreshTokenIsGoodOnceAndAccessTokensExpire() {
    String alice = user("alice");
    member(alice);
    RegisterClientResponse client = register(List.of("sso:account:access"));
    StartDeviceAuthorizationResponse device = start(client);
    PortalBrowser browser = browser();
    browser.signIn(device.verificationUriComplete(), userName(alice), resetPassword(alice), NEW_PASSWORD);
    browser.decide(device.verificationUriComplete(), true);
    server().clock().advance(Duration.ofSeconds(2));
    CreateTokenResponse first = token(client, device);

    server().clock().advance(Duration.ofMinutes(61));
    assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(first.accessToken()))).isInstanceOf(UnauthorizedException.class);
    CreateTokenResponse refreshed = oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("refresh_token").refreshToken(first.refreshToken()));
    assertThat(sso.listAccounts(b -> b.accessToken(refreshed.accessToken())).accountList()).hasSize(1);
    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("refresh_token").refreshToken(first.refreshToken()))).isInstanceOf(InvalidGrantException.class);
    // replaying the old refresh token ended the grant: the new tokens are gone too
    assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(refreshed.accessToken())))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void fiveWrongPasswordsLockTheUserAndAResetLiftsIt() {
    String alice = user("alice");
    String password = resetPassword(alice);
    PortalBrowser browser = browser();
    for (int i = 0; i < 5; i++) {
      PortalBrowser.Page p = browser.signIn("/start", userName(alice), "Wrong-password-" + i, NEW_PASSWORD);
      assertThat(p.status()).isEqualTo(401);
      assertThat(p.body()).contains(SignIn.WRONG_CREDENTIALS);
    }
    PortalBrowser.Page locked = browser.signIn("/start", userName(alice), password, NEW_PASSWORD);
    assertThat(locked.body()).contains("Too many failed attempts");
    assertThat(admin.call("DescribeUserSignIn", Map.of("IdentityStoreId", store(), "UserId", alice))
        .path("LockedUntil").isMissingNode()).isFalse();
    String again = resetPassword(alice);
    assertThat(browser.signIn("/start", userName(alice), again, NEW_PASSWORD).path()).isEqualTo("/start");
  }

  @Test
  void anAuthenticatorCodeIsGoodOnceAndDescribeUserSignInTellsNoSecret() {
    String alice = user("alice");
    member(alice);
    String password = resetPassword(alice);
    PortalBrowser browser = browser();
    browser.signIn("/start", userName(alice), password, NEW_PASSWORD);
    String code = browser.code();
    browser.forgetCookies();
    PortalBrowser.Page login = browser.follow(browser.get("/start"));
    PortalBrowser.Page mfa = browser.follow(browser.post("/login", Map.of("csrf", login.csrf(), "next", "/start",
        "username", userName(alice), "password", NEW_PASSWORD)));
    assertThat(mfa.path()).isEqualTo("/login/mfa");
    PortalBrowser.Page replay = browser.post("/login/mfa", Map.of("csrf", mfa.csrf(), "code", code));
    assertThat(replay.body()).contains(SignIn.WRONG_CODE.replace("'", "&#39;"));
    server().clock().advance(Duration.ofSeconds(30));
    PortalBrowser.Page home = browser.follow(browser.post("/login/mfa", Map.of("csrf", mfa.csrf(), "code", browser.code())));
    assertThat(home.path()).isEqualTo("/start");
    assertThat(home.body()).contains(account, setName);

    JsonNode signIn = admin.call("DescribeUserSignIn", Map.of("IdentityStoreId", store(), "UserId", alice));
    assertThat(signIn.path("PasswordSet").asBoolean()).isTrue();
    assertThat(signIn.path("PasswordChangeRequired").asBoolean()).isFalse();
    assertThat(signIn.path("MfaDevices")).hasSize(1);
    assertThat(signIn.path("ActiveSessions").asInt()).isEqualTo(2);
    assertThat(signIn.toString()).doesNotContain(browser.authenticatorSecret);
  }

  @Test
  void thePortalPageGivesAccessKeysForTheRole() {
    String alice = user("alice");
    member(alice);
    PortalBrowser browser = browser();
    PortalBrowser.Page home = browser.signIn("/start", userName(alice), resetPassword(alice), NEW_PASSWORD);
    PortalBrowser.Page keys = browser.post("/start/credentials", Map.of("csrf", home.csrf(), "account_id", account,
        "role_name", setName));
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.body()).contains("export AWS_ACCESS_KEY_ID=&quot;ASIA", "AWS_SESSION_TOKEN");
    assertThat(browser.post("/start/credentials", Map.of("csrf", "forged", "account_id", account, "role_name", setName))
        .status()).isEqualTo(403);
    assertThat(browser.post("/start/credentials", Map.of("csrf", home.csrf(), "account_id", account, "role_name", "Admin"))
        .status()).isEqualTo(404);
  }

  @Test
  void theAuthorizationCodeGrantWithPkceSignsInAsNewerClisDo() {
    String alice = user("alice");
    member(alice);
    String callback = "http://127.0.0.1:54321/oauth/callback";
    RegisterClientResponse client = oidc.registerClient(b -> b.clientName("botocore-client-pkce").clientType("public")
        .scopes("sso:account:access").grantTypes("authorization_code", "refresh_token").redirectUris(callback)
        .issuerUrl(server().endpoint() + "/start"));
    assertThat(client.authorizationEndpoint()).isEqualTo(server().endpoint() + "/authorize");
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 appendix B
    String challenge = Oidc.s256(verifier);
    assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    String authorize = "/authorize?response_type=code&client_id=" + client.clientId() + "&redirect_uri="
        + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8)
        + "&state=st-1&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=" + challenge;

    PortalBrowser browser = browser();
    PortalBrowser.Page consent = browser.signIn(authorize, userName(alice), resetPassword(alice), NEW_PASSWORD);
    assertThat(consent.status()).isEqualTo(200);
    assertThat(consent.body()).contains("Allow botocore-client-pkce");
    PortalBrowser.Page back = browser.post("/authorize", Map.ofEntries(Map.entry("csrf", consent.csrf()),
        Map.entry("client_id", client.clientId()), Map.entry("redirect_uri", callback), Map.entry("state", "st-1"),
        Map.entry("code_challenge", challenge), Map.entry("code_challenge_method", "S256"),
        Map.entry("response_type", "code"), Map.entry("decision", "allow")));
    assertThat(back.status()).isEqualTo(303);
    assertThat(back.location()).startsWith(callback + "?code=ghac_").endsWith("&state=st-1");
    String code = java.net.URLDecoder.decode(back.location().replaceAll(".*code=([^&]+).*", "$1"),
        java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("authorization_code").code(code).redirectUri(callback).codeVerifier("not-the-verifier-" + verifier)))
        .isInstanceOf(InvalidGrantException.class);
    CreateTokenResponse token = oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("authorization_code").code(code).redirectUri(callback).codeVerifier(verifier));
    assertThat(token.refreshToken()).isNotBlank();
    assertThat(sso.listAccounts(b -> b.accessToken(token.accessToken())).accountList()).hasSize(1);
    assertThatThrownBy(() -> oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType("authorization_code").code(code).redirectUri(callback).codeVerifier(verifier)))
        .isInstanceOf(InvalidGrantException.class); // a code is good once

    // an unregistered redirect URI is never redirected to
    PortalBrowser.Page foreign = browser.get(authorize.replace("54321", "9"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.location()).isNull();
    assertThatThrownBy(() -> oidc.registerClient(b -> b.clientName("x").clientType("public")
        .grantTypes("authorization_code").redirectUris("http://evil.example/cb")))
        .isInstanceOf(software.amazon.awssdk.services.ssooidc.model.InvalidRedirectUriException.class);
  }

  @Test
  void deletingTheUserTakesItsSignInWithIt() {
    String alice = user("alice");
    member(alice);
    String token = signInWithDevice(alice);
    ids.listGroupMembershipsForMember(b -> b.identityStoreId(store()).memberId(m -> m.userId(alice))).groupMemberships()
        .forEach(m -> ids.deleteGroupMembership(b -> b.identityStoreId(store()).membershipId(m.membershipId())));
    ids.deleteUser(b -> b.identityStoreId(store()).userId(alice));
    assertThatThrownBy(() -> sso.listAccounts(b -> b.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    assertThat(lastBrowser.follow(lastBrowser.get("/start")).path()).startsWith("/login");
  }

  @Test
  void badInputToThePagesGetsA4xxPageNeverA500() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.URI login = server().endpoint().resolve("/login");
    var brokenUtf8 = http.send(java.net.http.HttpRequest.newBuilder(login)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {'u', '=', (byte) 0xC3, (byte) 0x28})).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(brokenUtf8.statusCode()).isEqualTo(400);
    assertThat(brokenUtf8.body()).contains("The form could not be read.").doesNotContain("Exception");
    var foreign = http.send(java.net.http.HttpRequest.newBuilder(login).header("Origin", "https://evil.example")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=a&password=b")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(403);
    var noCsrf = http.send(java.net.http.HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=a&password=b")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(noCsrf.statusCode()).isEqualTo(401);
    assertThat(noCsrf.body()).contains("The sign-in form expired");
    var put = http.send(java.net.http.HttpRequest.newBuilder(server().endpoint().resolve("/start"))
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    var device = browser().get("/device?user_code=%E2%28"); // not UTF-8 once decoded: an unknown code, not a failure
    assertThat(device.status()).isEqualTo(303);
  }

  // --- helpers

  private PortalBrowser lastBrowser;

  /** Signs {@code userId} in through a new browser and the device flow of a new client; returns the access token. */
  private String signInWithDevice(String userId) {
    String password = resetPassword(userId);
    RegisterClientResponse client = register(List.of());
    StartDeviceAuthorizationResponse device = start(client);
    lastBrowser = browser();
    lastBrowser.signIn(device.verificationUriComplete(), userName(userId), password, NEW_PASSWORD);
    assertThat(lastBrowser.decide(device.verificationUriComplete(), true).body()).contains("Request approved");
    server().clock().advance(Duration.ofSeconds(2));
    return token(client, device).accessToken();
  }

  private String deviceToken(PortalBrowser browser, RegisterClientResponse client) {
    StartDeviceAuthorizationResponse device = start(client);
    assertThat(browser.decide(device.verificationUriComplete(), true).body()).contains("Request approved");
    server().clock().advance(Duration.ofSeconds(2));
    return token(client, device).accessToken();
  }

  private RegisterClientResponse register(List<String> scopes) {
    return oidc.registerClient(b -> b.clientName("botocore-client-test").clientType("public").scopes(scopes));
  }

  private StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
    return oidc.startDeviceAuthorization(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .startUrl(server().endpoint() + "/start"));
  }

  private CreateTokenResponse token(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
    return oidc.createToken(b -> b.clientId(client.clientId()).clientSecret(client.clientSecret())
        .grantType(Oidc.DEVICE_CODE_GRANT).deviceCode(device.deviceCode()));
  }

  private RoleCredentials credentials(String accessToken) {
    return sso.getRoleCredentials(b -> b.accessToken(accessToken).accountId(account).roleName(setName)).roleCredentials();
  }

  /** A client of this server signed with the portal's role credentials. */
  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C as(B builder, RoleCredentials creds) {
    builder.endpointOverride(server().endpoint()).region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider
        .create(AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())));
    builder.httpClientBuilder(ApacheHttpClient.builder());
    return builder.build();
  }

  private PortalBrowser browser() {
    return new PortalBrowser(server().endpoint(), server().clock());
  }

  private final Map<String, String> userNames = new java.util.HashMap<>();

  private String user(String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    String id = ids.createUser(b -> b.identityStoreId(store()).userName(unique).displayName(name)
        .name(n -> n.givenName(name).familyName("Liddell"))).userId();
    userNames.put(id, unique);
    return id;
  }

  private String userName(String userId) {
    return userNames.get(userId);
  }

  private String member(String userId) {
    return ids.createGroupMembership(b -> b.identityStoreId(store()).groupId(group).memberId(m -> m.userId(userId)))
        .membershipId();
  }

  private String resetPassword(String userId) {
    return admin.call("ResetUserPassword", Map.of("IdentityStoreId", store(), "UserId", userId)).path("OneTimePassword").asText();
  }

  private String store() {
    return server().identityStoreId();
  }

  private String instance() {
    return server().instanceArn();
  }
}
