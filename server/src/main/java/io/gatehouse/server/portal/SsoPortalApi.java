package io.gatehouse.server.portal;

import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.portal.PortalErrors.UnauthorizedException;
import java.util.List;
import java.util.function.Function;

/**
 * AWS's portal API ({@code sso}, rest-json, unsigned): the bearer access token from sso-oidc
 * names the user; each call reads the user's access as it is now. Shapes named as in the model.
 */
final class SsoPortalApi implements ServiceApi {
  private static final int DEFAULT_PAGE = 100;

  private final PortalService portal;

  SsoPortalApi(PortalService portal) {
    this.portal = portal;
  }

  @Override
  public String service() {
    return "sso";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("ListAccounts", ListAccountsRequest.class, (ctx, in) -> {
      PortalUser user = portal.userOfToken(in.accessToken()).orElseThrow(UnauthorizedException::new);
      List<AccountInfo> accounts = portal.access().accounts(user).stream()
          .map(a -> new AccountInfo(a.accountId(), a.accountName(), a.emailAddress())).toList();
      Page<AccountInfo> page = Page.of(accounts, AccountInfo::accountId, in.nextToken(), in.maxResults());
      return new ListAccountsResponse(page.nextToken(), page.items());
    });
    registry.add("ListAccountRoles", ListAccountRolesRequest.class, (ctx, in) -> {
      PortalUser user = portal.userOfToken(in.accessToken()).orElseThrow(UnauthorizedException::new);
      List<RoleInfo> roles = portal.access().roles(user, in.accountId()).stream()
          .map(r -> new RoleInfo(r, in.accountId())).toList();
      Page<RoleInfo> page = Page.of(roles, RoleInfo::roleName, in.nextToken(), in.maxResults());
      return new ListAccountRolesResponse(page.nextToken(), page.items());
    });
    registry.add("GetRoleCredentials", GetRoleCredentialsRequest.class, (ctx, in) -> {
      PortalUser user = portal.userOfToken(in.accessToken()).orElseThrow(UnauthorizedException::new);
      IssuedSession s = portal.access().credentials(user, in.accountId(), in.roleName());
      return new GetRoleCredentialsResponse(new RoleCredentials(s.accessKeyId(), s.secretAccessKey(), s.sessionToken(),
          s.expiration().toEpochMilli()));
    });
    registry.add("Logout", LogoutRequest.class, (ctx, in) -> {
      portal.logout(in.accessToken());
      return null;
    });
  }

  /** One page of a list sorted by {@code key}: the items after the token's key. */
  record Page<T>(List<T> items, String nextToken) {
    static <T> Page<T> of(List<T> all, Function<T, String> key, String token, Integer maxResults) {
      String after = PageToken.decode(token);
      int size = maxResults == null ? DEFAULT_PAGE : maxResults;
      List<T> rest = after == null ? all : all.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
      if (rest.size() <= size) return new Page<>(rest, null);
      List<T> items = rest.subList(0, size);
      return new Page<>(items, PageToken.encode(key.apply(items.getLast())));
    }
  }

  record ListAccountsRequest(String nextToken, Integer maxResults, String accessToken) {}

  record ListAccountsResponse(String nextToken, List<AccountInfo> accountList) {}

  record AccountInfo(String accountId, String accountName, String emailAddress) {}

  record ListAccountRolesRequest(String nextToken, Integer maxResults, String accessToken, String accountId) {}

  record ListAccountRolesResponse(String nextToken, List<RoleInfo> roleList) {}

  record RoleInfo(String roleName, String accountId) {}

  record GetRoleCredentialsRequest(String roleName, String accountId, String accessToken) {}

  record GetRoleCredentialsResponse(RoleCredentials roleCredentials) {}

  record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Long expiration) {}

  record LogoutRequest(String accessToken) {}
}
