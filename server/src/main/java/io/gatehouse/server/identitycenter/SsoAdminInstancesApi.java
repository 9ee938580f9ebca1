package io.gatehouse.server.identitycenter;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import java.time.Instant;
import java.util.List;

/** sso-admin {@code ListInstances} and {@code DescribeInstance}; shapes named as in the model. */
final class SsoAdminInstancesApi implements ServiceApi {
  private final IdentityCenterFeature feature;

  SsoAdminInstancesApi(IdentityCenterFeature feature) {
    this.feature = feature;
  }

  @Override
  public String service() {
    return "sso-admin";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("ListInstances", ListInstancesRequest.class, (ctx, in) -> {
      var page = feature.list(ctx.caller().accountId(), in.maxResults(), in.nextToken());
      return new ListInstancesResponse(page.instances().stream().map(InstanceMetadata::of).toList(), page.nextToken());
    });
    registry.add("DescribeInstance", DescribeInstanceRequest.class, (ctx, in) ->
        DescribeInstanceResponse.of(feature.describe(ctx.caller().accountId(), in.instanceArn())));
  }

  record ListInstancesRequest(Integer maxResults, String nextToken) {}

  record ListInstancesResponse(List<InstanceMetadata> instances, String nextToken) {}

  record InstanceMetadata(String instanceArn, String identityStoreId, String ownerAccountId, String name,
      Instant createdDate, String status, String statusReason) {
    static InstanceMetadata of(Instance i) {
      return new InstanceMetadata(i.instanceArn(), i.identityStoreId(), i.ownerAccountId(), i.name(), i.createdDate(),
          i.status(), null);
    }
  }

  record DescribeInstanceRequest(String instanceArn) {}

  /** Instances keep AWS's default encryption: an AWS-owned KMS key. */
  record DescribeInstanceResponse(String instanceArn, String identityStoreId, String ownerAccountId, String name,
      Instant createdDate, String status, String statusReason,
      EncryptionConfigurationDetails encryptionConfigurationDetails) {
    static DescribeInstanceResponse of(Instance i) {
      return new DescribeInstanceResponse(i.instanceArn(), i.identityStoreId(), i.ownerAccountId(), i.name(),
          i.createdDate(), i.status(), null, new EncryptionConfigurationDetails("AWS_OWNED_KMS_KEY", null, "ENABLED", null));
    }
  }

  record EncryptionConfigurationDetails(String keyType, String kmsKeyArn, String encryptionStatus,
      String encryptionStatusReason) {}
}
