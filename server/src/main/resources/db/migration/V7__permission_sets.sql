-- IAM Identity Center permission sets (sso-admin), per instance. A set's name is unique in its
-- instance. revision grows with every change provisioning cares about (not tags), so the roles made
-- from a set can tell they are out of date.
CREATE TABLE sso_permission_set (
  permission_set_arn   VARCHAR(128)   PRIMARY KEY,
  instance_arn         VARCHAR(128)   NOT NULL,
  name                 VARCHAR(32)    NOT NULL,
  description          VARCHAR(700),
  session_seconds      BIGINT         NOT NULL,
  relay_state          VARCHAR(240),
  inline_policy        VARCHAR(32768),
  boundary_policy_arn  VARCHAR(2048),
  boundary_policy_name VARCHAR(128),
  boundary_policy_path VARCHAR(512),
  created_date         TIMESTAMP      NOT NULL,
  revision             BIGINT         NOT NULL,
  CONSTRAINT sso_permission_set_name UNIQUE (instance_arn, name)
);

-- AWS managed policies attached to a set (by ARN; they are data shipped with the server).
CREATE TABLE sso_permission_set_managed_policy (
  permission_set_arn VARCHAR(128)  NOT NULL REFERENCES sso_permission_set(permission_set_arn) ON DELETE CASCADE,
  policy_arn         VARCHAR(2048) NOT NULL,
  PRIMARY KEY (permission_set_arn, policy_arn)
);

-- Customer managed policies referenced by path and name, resolved in each account at provisioning.
CREATE TABLE sso_permission_set_customer_policy (
  permission_set_arn VARCHAR(128) NOT NULL REFERENCES sso_permission_set(permission_set_arn) ON DELETE CASCADE,
  policy_path        VARCHAR(512) NOT NULL,
  policy_name        VARCHAR(128) NOT NULL,
  PRIMARY KEY (permission_set_arn, policy_path, policy_name)
);

-- Tags of sso-admin resources (permission sets and the instance), by resource ARN.
CREATE TABLE sso_tag (
  resource_arn VARCHAR(256) NOT NULL,
  tag_key      VARCHAR(128) NOT NULL,
  tag_value    VARCHAR(256) NOT NULL,
  PRIMARY KEY (resource_arn, tag_key)
);
