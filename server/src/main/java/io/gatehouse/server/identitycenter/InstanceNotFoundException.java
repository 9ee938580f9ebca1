package io.gatehouse.server.identitycenter;

import io.gatehouse.server.core.AwsException;

/** An instance ARN that names no instance the caller can see. */
final class InstanceNotFoundException extends AwsException {
  InstanceNotFoundException(String instanceArn) {
    super("ResourceNotFoundException", 400, "Instance " + instanceArn + " does not exist.");
  }
}
