package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tags on roots, OUs, accounts and customer policies. */
class TagServiceTest {
  private final OrganizationsFixture f = new OrganizationsFixture();
  private final TagService tags = new TagService(f.tx, OrganizationQuotas.DEFAULTS);

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void tagsAreAddedReplacedAndRemovedOnEveryKindOfResource() {
    OrganizationalUnit ou = f.ou(f.rootId(), "Prod");
    String account = f.account("Dev");
    Policy policy = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    for (String id : List.of(f.rootId(), ou.id(), account, policy.id())) {
      tags.tagResource(id, List.of(new Tag("env", "prod"), new Tag("team", "a")));
      tags.tagResource(id, List.of(new Tag("team", "b")));
      assertThat(tags.listTagsForResource(id)).as(id).containsExactly(new Tag("env", "prod"), new Tag("team", "b"));
      tags.untagResource(id, List.of("env", "absent"));
      assertThat(tags.listTagsForResource(id)).as(id).containsExactly(new Tag("team", "b"));
    }
  }

  @Test
  void tagsGivenAtCreationAreListedAndGoWithTheResource() {
    OrganizationalUnit ou = f.structure.createOrganizationalUnit(f.rootId(), "Prod", List.of(new Tag("cost", "42")));
    assertThat(tags.listTagsForResource(ou.id())).containsExactly(new Tag("cost", "42"));
    f.structure.deleteOrganizationalUnit(ou.id());
    assertThatThrownBy(() -> tags.listTagsForResource(ou.id())).isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
    List<Tag> left = f.tx.read(s -> s.tags(ou.id()));
    assertThat(left).isEmpty();
  }

  @Test
  void unknownResourcesManagedPoliciesSystemKeysAndTooManyTagsAreRefused() {
    assertThatThrownBy(() -> tags.tagResource("ou-zzzz-zzzzzzzz", List.of(new Tag("a", "b"))))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
    assertThatThrownBy(() -> tags.tagResource("p-zzzzzzzz", List.of(new Tag("a", "b"))))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
    assertThatThrownBy(() -> tags.tagResource("p-FullAWSAccess", List.of(new Tag("a", "b"))))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "IMMUTABLE_POLICY"));
    assertThatThrownBy(() -> tags.untagResource(f.rootId(), List.of("aws:x")))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "INVALID_SYSTEM_TAGS_PARAMETER"));

    tags.tagResource(f.rootId(), IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "v")).toList());
    tags.tagResource(f.rootId(), List.of(new Tag("k0", "replaced")));
    assertThatThrownBy(() -> tags.tagResource(f.rootId(), List.of(new Tag("one-more", "v"))))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "MAX_TAG_LIMIT_EXCEEDED"));
    assertThat(tags.listTagsForResource(f.rootId())).hasSize(50).contains(new Tag("k0", "replaced"));
  }
}
