package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The request the AWS CLI v1 sends ({@code aws iam create-role ...}): a form body in the query
 * protocol's flat shape, signed with SigV4, over real HTTP; and the XML it gets back.
 */
class IamCliShapedRequestTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  private HttpResponse<String> post(Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    URI endpoint = server.endpoint();
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http")
        .host(endpoint.getHost()).port(endpoint.getPort()).encodedPath("/")
        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(server.rootCredentials().accessKeyId(), server.rootCredentials().secretAccessKey()))
        .request(unsigned)
        .payload(ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(bytes)))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
    HttpRequest.Builder http = HttpRequest.newBuilder(endpoint.resolve("/")).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) values.forEach(v -> http.header(name, v));
    });
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void createRoleAsTheCliSendsIt() throws Exception {
    String trust = IamSdkTest.TRUST;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("Action", "CreateRole");
    form.put("Version", "2010-05-08");
    form.put("RoleName", "cli-role");
    form.put("AssumeRolePolicyDocument", trust);
    form.put("Tags.member.1.Key", "owner");
    form.put("Tags.member.1.Value", "cli");
    HttpResponse<String> created = post(form);
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body())
        .startsWith("<CreateRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><CreateRoleResult><Role>")
        .contains("<RoleName>cli-role</RoleName>", "<Arn>arn:aws:iam::" + server.managementAccountId() + ":role/cli-role</Arn>",
            "<AssumeRolePolicyDocument>" + PolicyDocuments.urlEncoded(trust) + "</AssumeRolePolicyDocument>",
            "<Tags><member><Key>owner</Key><Value>cli</Value></member></Tags>", "<MaxSessionDuration>3600</MaxSessionDuration>");

    HttpResponse<String> again = post(form);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("<Type>Sender</Type><Code>EntityAlreadyExists</Code>",
        "<Message>Role with name cli-role already exists.</Message>");

    HttpResponse<String> missing = post(Map.of("Action", "GetRole", "Version", "2010-05-08", "RoleName", "nobody"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<Code>NoSuchEntity</Code>", "<Message>The role with name nobody cannot be found.</Message>");

    HttpResponse<String> malformed = post(Map.of("Action", "CreateRole", "Version", "2010-05-08", "RoleName", "broken",
        "AssumeRolePolicyDocument", "{\"Statement\":"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("<Code>MalformedPolicyDocument</Code>");

    HttpResponse<String> tooLong = post(Map.of("Action", "UpdateRole", "Version", "2010-05-08", "RoleName", "cli-role",
        "MaxSessionDuration", "43201"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("<Code>ValidationError</Code>", "maxSessionDuration");
  }
}
