package io.gatehouse.server.permissionsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;
import software.amazon.awssdk.services.ssoadmin.model.Tag;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/**
 * The sso-admin permission-set operations through the AWS SDK v2 with the management account's root
 * credentials, on each backend by a subclass. The server is shared by a class's tests: names are unique.
 */
abstract class PermissionSetSdkContract {
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String SECURITY_AUDIT = "arn:aws:iam::aws:policy/SecurityAudit";
  static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";
  static final String INLINE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

  abstract GatehouseTestServer server();

  SsoAdminClient sso;
  String instance;

  @BeforeEach
  void client() {
    sso = server().client(SsoAdminClient.builder());
    instance = server().instanceArn();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  PermissionSet create(String name) {
    return sso.createPermissionSet(r -> r.instanceArn(instance).name(name)).permissionSet();
  }

  PermissionSet describe(String arn) {
    return sso.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).permissionSet();
  }

  static void assertAwsError(ThrowingCallable call, Class<? extends SsoAdminException> type, String code, String messagePart) {
    assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
      SsoAdminException ex = (SsoAdminException) e;
      assertThat(ex.statusCode()).isEqualTo(400);
      assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(ex.awsErrorDetails().errorMessage()).contains(messagePart);
    });
  }

  @Test
  void createDescribeUpdateAndDeleteAPermissionSet() {
    String name = unique("Developer-");
    PermissionSet created = sso.createPermissionSet(r -> r.instanceArn(instance).name(name)
        .description("Developers of the platform").sessionDuration("PT8H").relayState("https://console.aws.amazon.com/s3")
        .tags(Tag.builder().key("team").value("platform").build())).permissionSet();
    assertThat(created.permissionSetArn())
        .matches("arn:aws:sso:::permissionSet/" + instance.substring(instance.lastIndexOf('/') + 1) + "/ps-[0-9a-f]{16}");
    assertThat(created.name()).isEqualTo(name);
    assertThat(created.sessionDuration()).isEqualTo("PT8H");
    assertThat(created.createdDate()).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(5));

    PermissionSet described = describe(created.permissionSetArn());
    assertThat(described).isEqualTo(created);
    assertThat(described.description()).isEqualTo("Developers of the platform");
    assertThat(described.relayState()).isEqualTo("https://console.aws.amazon.com/s3");

    sso.updatePermissionSet(r -> r.instanceArn(instance).permissionSetArn(created.permissionSetArn()).sessionDuration("PT2H"));
    PermissionSet updated = describe(created.permissionSetArn());
    assertThat(updated.sessionDuration()).isEqualTo("PT2H");
    assertThat(updated.description()).as("absent members keep their values").isEqualTo("Developers of the platform");
    assertThat(updated.relayState()).isEqualTo("https://console.aws.amazon.com/s3");

    sso.deletePermissionSet(r -> r.instanceArn(instance).permissionSetArn(created.permissionSetArn()));
    assertAwsError(() -> describe(created.permissionSetArn()), ResourceNotFoundException.class, "ResourceNotFoundException",
        "Could not find PermissionSet with id " + created.permissionSetArn().substring(created.permissionSetArn().lastIndexOf('/') + 1));
    assertThat(sso.listPermissionSetsPaginator(r -> r.instanceArn(instance)).permissionSets())
        .doesNotContain(created.permissionSetArn());
  }

  @Test
  void theSessionDurationIsOneHourUnlessGivenAndMustLieBetweenOneAndTwelveHours() {
    PermissionSet set = create(unique("Default-"));
    assertThat(set.sessionDuration()).isEqualTo("PT1H");
    assertThat(set.description()).isNull();
    for (String bad : List.of("PT59M", "PT12H1S", "P1D", "PT0S", "-PT2H", "P1Y")) {
      assertAwsError(() -> sso.createPermissionSet(r -> r.instanceArn(instance).name(unique("Bad-")).sessionDuration(bad)),
          ValidationException.class, "ValidationException", "SessionDuration");
      assertAwsError(() -> sso.updatePermissionSet(r -> r.instanceArn(instance).permissionSetArn(set.permissionSetArn())
          .sessionDuration(bad)), ValidationException.class, "ValidationException", "SessionDuration");
    }
    assertThat(create(unique("Twelve-")).sessionDuration()).isEqualTo("PT1H");
    String twelve = sso.createPermissionSet(r -> r.instanceArn(instance).name(unique("Twelve-")).sessionDuration("PT12H"))
        .permissionSet().sessionDuration();
    assertThat(twelve).isEqualTo("PT12H");
    String ninety = sso.createPermissionSet(r -> r.instanceArn(instance).name(unique("Ninety-")).sessionDuration("PT90M"))
        .permissionSet().sessionDuration();
    assertThat(ninety).isEqualTo("PT1H30M");
  }

  @Test
  void namesAreUniqueInTheInstanceAndFollowAwsRules() {
    String name = unique("ReadOnly-");
    create(name);
    assertAwsError(() -> create(name), ConflictException.class, "ConflictException",
        "PermissionSet with name " + name + " already exists.");
    for (String bad : List.of("has space", "x".repeat(33), "", "semi;colon")) {
      assertThatThrownBy(() -> create(bad)).isInstanceOf(ValidationException.class);
    }
    assertThat(create("a+=,.@_-" + UUID.randomUUID().toString().substring(0, 8)).name()).startsWith("a+=,.@_-");
    assertThat(create("x".repeat(24) + UUID.randomUUID().toString().substring(0, 8)).name()).hasSize(32);
  }

  @Test
  void listPermissionSetsPagesThroughEverySet() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) mine.add(create(unique("Paged-")).permissionSetArn());
    List<ListPermissionSetsResponse> pages = sso.listPermissionSetsPaginator(r -> r.instanceArn(instance).maxResults(2))
        .stream().toList();
    assertThat(pages).allSatisfy(p -> assertThat(p.permissionSets()).hasSizeLessThanOrEqualTo(2));
    List<String> all = pages.stream().flatMap(p -> p.permissionSets().stream()).toList();
    assertThat(all).containsAll(mine).doesNotHaveDuplicates();
    assertThat(pages.getLast().nextToken()).isNull();
    assertThatThrownBy(() -> sso.listPermissionSets(r -> r.instanceArn(instance).maxResults(0)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void anUnknownInstanceOrSetIsNotFound() {
    String otherInstance = "arn:aws:sso:::instance/ssoins-0123456789abcdef";
    assertAwsError(() -> sso.createPermissionSet(r -> r.instanceArn(otherInstance).name(unique("X-"))),
        ResourceNotFoundException.class, "ResourceNotFoundException", otherInstance);
    assertAwsError(() -> sso.listPermissionSets(r -> r.instanceArn(otherInstance)),
        ResourceNotFoundException.class, "ResourceNotFoundException", otherInstance);
    String instanceId = instance.substring(instance.lastIndexOf('/') + 1);
    String missing = "arn:aws:sso:::permissionSet/" + instanceId + "/ps-0123456789abcdef";
    assertAwsError(() -> describe(missing), ResourceNotFoundException.class, "ResourceNotFoundException", "ps-0123456789abcdef");
    assertAwsError(() -> sso.deletePermissionSet(r -> r.instanceArn(instance).permissionSetArn(missing)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "ps-0123456789abcdef");
    PermissionSet set = create(unique("Elsewhere-"));
    assertAwsError(() -> sso.describePermissionSet(r -> r.instanceArn(otherInstance).permissionSetArn(set.permissionSetArn())),
        ResourceNotFoundException.class, "ResourceNotFoundException", otherInstance);
    assertThatThrownBy(() -> describe("arn:aws:sso:::permissionSet/nope")).isInstanceOf(ValidationException.class);
  }

  @Test
  void awsManagedPoliciesAttachListAndDetach() {
    String arn = create(unique("Managed-")).permissionSetArn();
    for (String policy : List.of(SECURITY_AUDIT, READ_ONLY, VIEW_ONLY)) {
      sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(policy));
    }
    List<AttachedManagedPolicy> attached = sso.listManagedPoliciesInPermissionSetPaginator(r -> r.instanceArn(instance)
        .permissionSetArn(arn).maxResults(2)).attachedManagedPolicies().stream().toList();
    assertThat(attached).extracting(AttachedManagedPolicy::name, AttachedManagedPolicy::arn).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("ReadOnlyAccess", READ_ONLY),
        org.assertj.core.groups.Tuple.tuple("SecurityAudit", SECURITY_AUDIT),
        org.assertj.core.groups.Tuple.tuple("ViewOnlyAccess", VIEW_ONLY));

    assertAwsError(() -> sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .managedPolicyArn(READ_ONLY)), ConflictException.class, "ConflictException", READ_ONLY);
    String noSuch = "arn:aws:iam::aws:policy/NoSuchPolicyAtAll";
    assertAwsError(() -> sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .managedPolicyArn(noSuch)), ResourceNotFoundException.class, "ResourceNotFoundException", noSuch);
    assertThatThrownBy(() -> sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .managedPolicyArn("arn:aws:iam::123456789012:policy/Mine"))).isInstanceOf(ValidationException.class);

    sso.detachManagedPolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(READ_ONLY));
    assertThat(sso.listManagedPoliciesInPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
        .attachedManagedPolicies()).extracting(AttachedManagedPolicy::arn).containsExactlyInAnyOrder(SECURITY_AUDIT, VIEW_ONLY);
    assertAwsError(() -> sso.detachManagedPolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .managedPolicyArn(READ_ONLY)), ResourceNotFoundException.class, "ResourceNotFoundException", READ_ONLY);
  }

  @Test
  void customerManagedReferencesAttachListAndDetachWithTheDefaultPath() {
    String arn = create(unique("Customer-")).permissionSetArn();
    sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .customerManagedPolicyReference(c -> c.name("TeamBoundary")));
    sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .customerManagedPolicyReference(c -> c.name("Deploy").path("/ci/")));
    List<CustomerManagedPolicyReference> refs = sso.listCustomerManagedPolicyReferencesInPermissionSetPaginator(r -> r
        .instanceArn(instance).permissionSetArn(arn).maxResults(1)).customerManagedPolicyReferences().stream().toList();
    assertThat(refs).extracting(CustomerManagedPolicyReference::name, CustomerManagedPolicyReference::path)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TeamBoundary", "/"),
            org.assertj.core.groups.Tuple.tuple("Deploy", "/ci/"));
    assertAwsError(() -> sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("TeamBoundary").path("/"))),
        ConflictException.class, "ConflictException", "TeamBoundary");
    assertThatThrownBy(() -> sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("x").path("no-slashes"))))
        .isInstanceOf(ValidationException.class);

    sso.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .customerManagedPolicyReference(c -> c.name("TeamBoundary")));
    assertThat(sso.listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
        .customerManagedPolicyReferences()).extracting(CustomerManagedPolicyReference::name).containsExactly("Deploy");
    assertAwsError(() -> sso.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("Deploy"))),
        ResourceNotFoundException.class, "ResourceNotFoundException", "Deploy");
  }

  @Test
  void managedAndCustomerManagedPoliciesTogetherAreAtMostTwenty() {
    String arn = create(unique("Full-")).permissionSetArn();
    sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(READ_ONLY));
    for (int i = 0; i < 19; i++) {
      String name = "Policy" + i;
      sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
          .customerManagedPolicyReference(c -> c.name(name)));
    }
    assertAwsError(() -> sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .managedPolicyArn(SECURITY_AUDIT)), ServiceQuotaExceededException.class, "ServiceQuotaExceededException", "20");
    assertAwsError(() -> sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("OneTooMany"))),
        ServiceQuotaExceededException.class, "ServiceQuotaExceededException", "20");
    sso.detachManagedPolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(READ_ONLY));
    sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(SECURITY_AUDIT));
  }

  @Test
  void theInlinePolicyIsPutReadAndDeletedAndValidatedByThePolicyEngine() {
    String arn = create(unique("Inline-")).permissionSetArn();
    assertThat(sso.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).inlinePolicy())
        .isNullOrEmpty();
    sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).inlinePolicy(INLINE));
    assertThat(sso.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).inlinePolicy())
        .isEqualTo(INLINE);

    String badEffect = INLINE.replace("Allow", "Perhaps");
    assertAwsError(() -> sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .inlinePolicy(badEffect)), ValidationException.class, "ValidationException", "Invalid PermissionsPolicy Document");
    assertAwsError(() -> sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .inlinePolicy("{not json")), ValidationException.class, "ValidationException", "Invalid PermissionsPolicy Document");
    String withPrincipal = INLINE.replace("\"Effect\"", "\"Principal\":\"*\",\"Effect\"");
    assertAwsError(() -> sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .inlinePolicy(withPrincipal)), ValidationException.class, "ValidationException", "Invalid PermissionsPolicy Document");
    String tooLong = INLINE.replace("\"*\"}", "\"arn:aws:s3:::" + "b".repeat(10_300) + "\"}");
    assertAwsError(() -> sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .inlinePolicy(tooLong)), ValidationException.class, "ValidationException", "10240");
    String overWire = INLINE + " ".repeat(32_768);
    assertThatThrownBy(() -> sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .inlinePolicy(overWire))).isInstanceOf(ValidationException.class);
    String spacious = INLINE.replace(",", ",\n" + " ".repeat(4000));
    sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).inlinePolicy(spacious));
    assertThat(sso.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).inlinePolicy())
        .as("whitespace does not count against the 10,240 characters").isEqualTo(spacious);

    sso.deleteInlinePolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
    assertThat(sso.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).inlinePolicy())
        .isNullOrEmpty();
  }

  @Test
  void thePermissionsBoundaryIsAManagedPolicyOrACustomerManagedReference() {
    String arn = create(unique("Bounded-")).permissionSetArn();
    assertAwsError(() -> sso.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "permissions boundary");
    sso.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .permissionsBoundary(b -> b.managedPolicyArn("arn:aws:iam::aws:policy/PowerUserAccess")));
    assertThat(sso.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
        .permissionsBoundary().managedPolicyArn()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");

    sso.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .permissionsBoundary(b -> b.customerManagedPolicyReference(c -> c.name("DeveloperBoundary"))));
    var boundary = sso.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
        .permissionsBoundary();
    assertThat(boundary.managedPolicyArn()).isNull();
    assertThat(boundary.customerManagedPolicyReference().name()).isEqualTo("DeveloperBoundary");
    assertThat(boundary.customerManagedPolicyReference().path()).isEqualTo("/");

    assertAwsError(() -> sso.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .permissionsBoundary(b -> b.managedPolicyArn(READ_ONLY).customerManagedPolicyReference(c -> c.name("X")))),
        ValidationException.class, "ValidationException", "exactly one");
    assertAwsError(() -> sso.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .permissionsBoundary(b -> {})), ValidationException.class, "ValidationException", "exactly one");
    assertAwsError(() -> sso.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
        .permissionsBoundary(b -> b.managedPolicyArn("arn:aws:iam::aws:policy/NotAPolicy"))),
        ResourceNotFoundException.class, "ResourceNotFoundException", "NotAPolicy");

    sso.deletePermissionsBoundaryFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
    assertAwsError(() -> sso.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "permissions boundary");
    assertAwsError(() -> sso.deletePermissionsBoundaryFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "permissions boundary");
  }

  @Test
  void permissionSetsAndTheInstanceAreTagged() {
    String arn = sso.createPermissionSet(r -> r.instanceArn(instance).name(unique("Tagged-"))
        .tags(Tag.builder().key("env").value("prod").build())).permissionSet().permissionSetArn();
    sso.tagResource(r -> r.instanceArn(instance).resourceArn(arn).tags(Tag.builder().key("team").value("sec").build(),
        Tag.builder().key("env").value("dev").build()));
    assertThat(sso.listTagsForResourcePaginator(r -> r.instanceArn(instance).resourceArn(arn)).tags().stream().toList())
        .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("env", "dev"),
            org.assertj.core.groups.Tuple.tuple("team", "sec"));
    sso.untagResource(r -> r.instanceArn(instance).resourceArn(arn).tagKeys("env"));
    assertThat(sso.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("team");

    sso.tagResource(r -> r.resourceArn(instance).tags(Tag.builder().key("owner").value("platform").build()));
    assertThat(sso.listTagsForResource(r -> r.resourceArn(instance)).tags()).extracting(Tag::key).contains("owner");

    assertAwsError(() -> sso.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("aws:team").value("x").build())),
        ValidationException.class, "ValidationException", "aws:");
    List<Tag> tooMany = new ArrayList<>();
    for (int i = 0; i < 50; i++) tooMany.add(Tag.builder().key("k" + i).value("v").build());
    assertAwsError(() -> sso.tagResource(r -> r.resourceArn(arn).tags(tooMany)),
        ServiceQuotaExceededException.class, "ServiceQuotaExceededException", "50");
    String instanceId = instance.substring(instance.lastIndexOf('/') + 1);
    String missing = "arn:aws:sso:::permissionSet/" + instanceId + "/ps-0123456789abcdef";
    assertAwsError(() -> sso.listTagsForResource(r -> r.resourceArn(missing)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "ps-0123456789abcdef");

    sso.deletePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
    assertAwsError(() -> sso.listTagsForResource(r -> r.resourceArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFoundException", "Could not find PermissionSet");
  }
}
