package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The endpoint asks its CallAuthorizer after validation and before the operation, and answers a refusal in the protocol's shape. */
class CallAuthorizerTest {
  static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

  final AtomicReference<CallAuthorizer.Call> asked = new AtomicReference<>();
  final AtomicBoolean invoked = new AtomicBoolean();
  volatile String refusal;

  final CallAuthorizer authorizer = call -> {
    asked.set(call);
    if (refusal != null) throw new CallAuthorizer.Denied(refusal);
  };

  final ServiceApi iam = new ServiceApi() {
    @Override
    public String service() {
      return "iam";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("GetRole", JsonNode.class, (ctx, in) -> {
        invoked.set(true);
        return Map.of("Role", Map.of("Path", "/", "RoleName", "x", "RoleId", "AROA1", "Arn", "arn:aws:iam::123456789012:role/x",
            "CreateDate", NOW));
      });
    }
  };

  final ServiceApi identityStore = new ServiceApi() {
    @Override
    public String service() {
      return "identitystore";
    }

    @Override
    public void register(OperationRegistry r) {
      r.add("ListUsers", JsonNode.class, (ctx, in) -> {
        invoked.set(true);
        return Map.of("Users", List.of());
      });
    }
  };

  final AwsEndpoint endpoint = new AwsEndpoint(List.of(iam, identityStore), new FakeAuthenticator(), authorizer,
      Clock.fixed(NOW, ZoneOffset.UTC), 10_000);

  @Test
  void theAuthorizerSeesTheValidatedInputAndTheCaller() {
    HttpResponseData r = endpoint.handle(Requests.form("iam", "Version=2010-05-08&Action=GetRole&RoleName=x"));
    assertThat(r.status()).isEqualTo(200);
    CallAuthorizer.Call call = asked.get();
    assertThat(call.service()).isEqualTo("iam");
    assertThat(call.operation()).isEqualTo("GetRole");
    assertThat(call.caller().arn()).isEqualTo("arn:aws:iam::123456789012:root");
    assertThat(call.input().get("RoleName").asText()).isEqualTo("x");
    assertThat(call.region()).isEqualTo("eu-west-1");
    assertThat(call.sourceIp()).isEqualTo("10.0.0.1");
    assertThat(call.time()).isEqualTo(NOW);
    assertThat(invoked).isTrue();
  }

  @Test
  void invalidInputIsRejectedBeforeAuthorization() {
    HttpResponseData r = endpoint.handle(Requests.form("iam", "Version=2010-05-08&Action=GetRole"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(asked.get()).isNull();
  }

  @Test
  void aRefusalIsAccessDeniedInTheQueryProtocol() {
    refusal = "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetRole on resource: x";
    HttpResponseData r = endpoint.handle(Requests.form("iam", "Version=2010-05-08&Action=GetRole&RoleName=x"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(Requests.text(r)).contains("<Type>Sender</Type>", "<Code>AccessDenied</Code>", "<Message>" + refusal + "</Message>");
    assertThat(invoked).isFalse();
  }

  @Test
  void aRefusalIsAccessDeniedExceptionInJson() {
    refusal = "no";
    HttpResponseData r = endpoint.handle(Requests.json("AWSIdentityStore.ListUsers", "identitystore",
        "{\"IdentityStoreId\":\"d-1234567890\"}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(Requests.text(r)).contains("\"__type\":\"AccessDeniedException\"", "\"Message\":\"no\"");
    assertThat(invoked).isFalse();
  }
}
