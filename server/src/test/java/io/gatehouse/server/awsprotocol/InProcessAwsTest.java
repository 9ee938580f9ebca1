package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.core.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The test client features use: records in, the full protocol path, the client's view out. */
class InProcessAwsTest {
  record Tag(String key, String value) {}

  record CreateRoleInput(String roleName, String assumeRolePolicyDocument, List<Tag> tags) {}

  record CreateGroupInput(String identityStoreId, String displayName) {}

  final AtomicReference<Object> seen = new AtomicReference<>();

  final InProcessAws aws = new InProcessAws(List.of(
      new ServiceApi() {
        @Override
        public String service() {
          return "iam";
        }

        @Override
        public void register(OperationRegistry r) {
          r.add("CreateRole", CreateRoleInput.class, (ctx, in) -> {
            seen.set(in);
            return Map.of("Role", Map.of("RoleName", in.roleName(), "Path", "/", "RoleId", "AROA1", "Arn", "arn", "CreateDate", ctx.time()));
          });
        }
      },
      new ServiceApi() {
        @Override
        public String service() {
          return "identitystore";
        }

        @Override
        public void register(OperationRegistry r) {
          r.add("CreateGroup", CreateGroupInput.class, (ctx, in) -> {
            seen.set(ctx.caller());
            return Map.of("GroupId", "g-1", "IdentityStoreId", in.identityStoreId());
          });
        }
      }), Clock.systemUTC());

  @Test
  void recordsAreSentWithTheModelsMemberNames() {
    InProcessAws.Response r = aws.json("identitystore", "CreateGroup", new CreateGroupInput("d-1234567890", "admins"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("GroupId").asText()).isEqualTo("g-1");
    assertThat(seen.get()).isEqualTo(Caller.root(InProcessAws.ACCOUNT_ID, InProcessAws.ACCESS_KEY_ID));

    InProcessAws.Response invalid = aws.json("identitystore", "CreateGroup", Map.of("DisplayName", "x"));
    assertThat(invalid.errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void queryInputsAreFlattenedAsSdksDo() {
    InProcessAws.Response r = aws.query("iam", "CreateRole", new CreateRoleInput("dev", "{}", List.of(new Tag("a", "1"), new Tag("b", "2"))));
    assertThat(r.status()).isEqualTo(200);
    assertThat(seen.get()).isEqualTo(new CreateRoleInput("dev", "{}", List.of(new Tag("a", "1"), new Tag("b", "2"))));
    assertThat(r.xmlValues("RoleName")).containsExactly("dev");

    InProcessAws.Response missing = aws.query("iam", "CreateRole", Map.of("RoleName", "dev"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void callsRunAsTheChosenCaller() {
    Caller user = new Caller("111122223333", "arn:aws:iam::111122223333:user/bob", "AIDAEXAMPLE", Caller.PrincipalType.USER, "AKIAB");
    aws.as(user).json("identitystore", "CreateGroup", Map.of("IdentityStoreId", "d-1234567890", "DisplayName", "ops"));
    assertThat(seen.get()).isEqualTo(user);
  }
}
