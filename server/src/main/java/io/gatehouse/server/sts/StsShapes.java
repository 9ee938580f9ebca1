package io.gatehouse.server.sts;

import java.time.Instant;
import java.util.List;

/** STS's input and output shapes (model member names in lowerCamelCase). */
final class StsShapes {
  private StsShapes() {}

  record GetCallerIdentityRequest() {}

  record GetCallerIdentityResponse(String userId, String account, String arn) {}

  record GetSessionTokenRequest(Integer durationSeconds, String serialNumber, String tokenCode) {}

  record GetSessionTokenResponse(Credentials credentials) {}

  record PolicyDescriptorType(String arn) {}

  record Tag(String key, String value) {}

  record ProvidedContext(String providerArn, String contextAssertion) {}

  record AssumeRoleRequest(String roleArn, String roleSessionName, List<PolicyDescriptorType> policyArns, String policy,
      Integer durationSeconds, List<Tag> tags, List<String> transitiveTagKeys, String externalId, String serialNumber,
      String tokenCode, String sourceIdentity, List<ProvidedContext> providedContexts) {}

  record AssumeRoleResponse(Credentials credentials, AssumedRoleUser assumedRoleUser, Integer packedPolicySize,
      String sourceIdentity) {}

  record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
  }

  record AssumedRoleUser(String assumedRoleId, String arn) {}
}
