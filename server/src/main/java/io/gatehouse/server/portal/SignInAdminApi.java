package io.gatehouse.server.portal;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import java.time.Instant;
import java.util.List;

/** The sign-in operations of Gatehouse's own API ({@code aws-models/gatehouse}); shapes named as in that model. */
final class SignInAdminApi implements ServiceApi {
  private final SignInAdministration admin;

  SignInAdminApi(SignInAdministration admin) {
    this.admin = admin;
  }

  @Override
  public String service() {
    return "gatehouse";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("ResetUserPassword", UserRequest.class, (ctx, in) ->
        new ResetUserPasswordResponse(in.userId(), admin.resetPassword(ctx.caller().accountId(), in.identityStoreId(), in.userId())));
    registry.add("DescribeUserSignIn", UserRequest.class, (ctx, in) -> {
      var s = admin.describe(ctx.caller().accountId(), in.identityStoreId(), in.userId());
      return new DescribeUserSignInResponse(s.userId(), s.userName(), s.passwordSet(), s.passwordChangeRequired(),
          s.lockedUntil(), s.devices().stream().map(d -> new MfaDeviceShape(d.deviceId(), "TOTP", d.registeredAt())).toList(),
          s.activeSessions());
    });
    registry.add("DeleteUserMfaDevice", DeleteUserMfaDeviceRequest.class, (ctx, in) -> {
      admin.deleteDevice(ctx.caller().accountId(), in.identityStoreId(), in.userId(), in.deviceId());
      return null;
    });
    registry.add("SignOutUser", UserRequest.class, (ctx, in) -> {
      var out = admin.signOut(ctx.caller().accountId(), in.identityStoreId(), in.userId());
      return new SignOutUserResponse(out.sessions(), out.tokens());
    });
  }

  record UserRequest(String identityStoreId, String userId) {}

  record ResetUserPasswordResponse(String userId, String oneTimePassword) {}

  record MfaDeviceShape(String deviceId, String type, Instant registeredAt) {}

  record DescribeUserSignInResponse(String userId, String userName, Boolean passwordSet, Boolean passwordChangeRequired,
      Instant lockedUntil, List<MfaDeviceShape> mfaDevices, Integer activeSessions) {}

  record DeleteUserMfaDeviceRequest(String identityStoreId, String userId, String deviceId) {}

  record SignOutUserResponse(Integer sessionsEnded, Integer tokensEnded) {}
}
