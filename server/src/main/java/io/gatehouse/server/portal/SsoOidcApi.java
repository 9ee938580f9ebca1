package io.gatehouse.server.portal;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import java.util.List;

/**
 * AWS's OIDC API ({@code sso-oidc}, rest-json, unsigned): what {@code aws sso login} calls.
 * Shapes named as in the model; CreateTokenWithIAM (signed, for applications) is not served.
 */
final class SsoOidcApi implements ServiceApi {
  private final PortalService portal;

  SsoOidcApi(PortalService portal) {
    this.portal = portal;
  }

  @Override
  public String service() {
    return "sso-oidc";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("RegisterClient", RegisterClientRequest.class, (ctx, in) -> {
      Oidc.Registration r = portal.oidc().register(in.clientName(), in.clientType(), in.scopes(), in.grantTypes(),
          in.redirectUris());
      String base = portal.portalUrl(ctx.host());
      return new RegisterClientResponse(r.clientId(), r.clientSecret(), r.issuedAt().getEpochSecond(),
          r.expiresAt().getEpochSecond(), base + "/authorize", base + "/token");
    });
    registry.add("StartDeviceAuthorization", StartDeviceAuthorizationRequest.class, (ctx, in) -> {
      Oidc.DeviceStart d = portal.oidc().startDeviceAuthorization(in.clientId(), in.clientSecret(), in.startUrl(),
          portal.portalUrl(ctx.host()));
      return new StartDeviceAuthorizationResponse(d.deviceCode(), d.userCode(), d.verificationUri(),
          d.verificationUriComplete(), d.expiresIn(), d.interval());
    });
    registry.add("CreateToken", CreateTokenRequest.class, (ctx, in) -> {
      Oidc.Tokens t = portal.oidc().createToken(in.clientId(), in.clientSecret(), new Oidc.TokenRequest(in.grantType(),
          in.deviceCode(), in.refreshToken(), in.code(), in.redirectUri(), in.codeVerifier()));
      return new CreateTokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.refreshToken(), null);
    });
  }

  record RegisterClientRequest(String clientName, String clientType, List<String> scopes, List<String> redirectUris,
      List<String> grantTypes, String issuerUrl, String entitledApplicationArn) {}

  record RegisterClientResponse(String clientId, String clientSecret, Long clientIdIssuedAt, Long clientSecretExpiresAt,
      String authorizationEndpoint, String tokenEndpoint) {}

  record StartDeviceAuthorizationRequest(String clientId, String clientSecret, String startUrl) {}

  record StartDeviceAuthorizationResponse(String deviceCode, String userCode, String verificationUri,
      String verificationUriComplete, Integer expiresIn, Integer interval) {}

  record CreateTokenRequest(String clientId, String clientSecret, String grantType, String deviceCode, String code,
      String refreshToken, List<String> scope, String redirectUri, String codeVerifier) {}

  record CreateTokenResponse(String accessToken, String tokenType, Integer expiresIn, String refreshToken, String idToken) {}
}
