package io.gatehouse.server.organizations;

/** An organization policy: a customer's, or one of the AWS-managed defaults (FullAWSAccess, RCPFullAWSAccess). */
record Policy(
    String id, OrganizationPolicyType type, String name, String description, String content, boolean awsManaged) {

  String arn(Organization org) {
    return awsManaged
        ? Arns.awsManagedPolicy(type, id)
        : Arns.policy(org.managementAccountId(), org.id(), type, id);
  }

  Policy updated(String newName, String newDescription, String newContent) {
    return new Policy(id, type, newName, newDescription, newContent, awsManaged);
  }
}
