-- IAM, one namespace per account: users, groups and roles (identities), their inline policies,
-- tags, attachments and group memberships; customer managed policies and their versions; login
-- profiles; each account's password policy and alias. Access keys live in access_keys (V4).
-- Names are unique per account case-insensitively, as on AWS: name_key is the lower-cased name.

-- One row per account that has IAM state: writes lock it (SELECT ... FOR UPDATE) so that quota
-- checks and name checks of concurrent writes in one account cannot interleave.
CREATE TABLE iam_account (
  account_id VARCHAR(12) PRIMARY KEY,
  alias      VARCHAR(63),
  CONSTRAINT iam_account_alias UNIQUE (alias)
);

-- Users, groups and roles. Role-only columns are null for the others.
CREATE TABLE iam_identity (
  id                   VARCHAR(32)   PRIMARY KEY,
  account_id           VARCHAR(12)   NOT NULL,
  kind                 VARCHAR(8)    NOT NULL,
  name                 VARCHAR(128)  NOT NULL,
  name_key             VARCHAR(128)  NOT NULL,
  path                 VARCHAR(512)  NOT NULL,
  description          VARCHAR(1000),
  trust_policy         VARCHAR(131072),
  max_session_duration INTEGER,
  permissions_boundary VARCHAR(2048),
  created_at           TIMESTAMP     NOT NULL,
  CONSTRAINT iam_identity_kind CHECK (kind IN ('USER', 'GROUP', 'ROLE')),
  CONSTRAINT iam_identity_name UNIQUE (account_id, kind, name_key)
);

CREATE TABLE iam_tag (
  identity_id VARCHAR(32)  NOT NULL REFERENCES iam_identity(id) ON DELETE CASCADE,
  tag_key     VARCHAR(128) NOT NULL,
  key_lower   VARCHAR(128) NOT NULL,
  tag_value   VARCHAR(256) NOT NULL,
  PRIMARY KEY (identity_id, key_lower)
);

CREATE TABLE iam_inline_policy (
  identity_id VARCHAR(32)    NOT NULL REFERENCES iam_identity(id) ON DELETE CASCADE,
  name        VARCHAR(128)   NOT NULL,
  name_key    VARCHAR(128)   NOT NULL,
  document    VARCHAR(131072) NOT NULL,
  PRIMARY KEY (identity_id, name_key)
);

CREATE TABLE iam_group_member (
  group_id VARCHAR(32) NOT NULL REFERENCES iam_identity(id) ON DELETE CASCADE,
  user_id  VARCHAR(32) NOT NULL REFERENCES iam_identity(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX iam_group_member_user ON iam_group_member(user_id);

-- Customer managed policies. AWS managed policies are data shipped with the server, not rows.
CREATE TABLE iam_policy (
  id              VARCHAR(32)  PRIMARY KEY,
  account_id      VARCHAR(12)  NOT NULL,
  name            VARCHAR(128) NOT NULL,
  name_key        VARCHAR(128) NOT NULL,
  path            VARCHAR(512) NOT NULL,
  description     VARCHAR(1000),
  default_version VARCHAR(16)  NOT NULL,
  next_version    INTEGER      NOT NULL,
  created_at      TIMESTAMP    NOT NULL,
  updated_at      TIMESTAMP    NOT NULL,
  CONSTRAINT iam_policy_name UNIQUE (account_id, name_key)
);

CREATE TABLE iam_policy_version (
  policy_id  VARCHAR(32)    NOT NULL REFERENCES iam_policy(id) ON DELETE CASCADE,
  version_id VARCHAR(16)    NOT NULL,
  document   VARCHAR(131072) NOT NULL,
  created_at TIMESTAMP      NOT NULL,
  PRIMARY KEY (policy_id, version_id)
);

-- Managed policies attached to identities, by ARN (customer or AWS managed).
CREATE TABLE iam_attachment (
  identity_id VARCHAR(32)   NOT NULL REFERENCES iam_identity(id) ON DELETE CASCADE,
  policy_arn  VARCHAR(2048) NOT NULL,
  attached_at TIMESTAMP     NOT NULL,
  PRIMARY KEY (identity_id, policy_arn)
);
CREATE INDEX iam_attachment_policy ON iam_attachment(policy_arn);

-- A user's console password: a PBKDF2 hash, never the password.
CREATE TABLE iam_login_profile (
  user_id                 VARCHAR(32)  PRIMARY KEY REFERENCES iam_identity(id) ON DELETE CASCADE,
  password_hash           VARCHAR(512) NOT NULL,
  password_reset_required BOOLEAN      NOT NULL,
  created_at              TIMESTAMP    NOT NULL
);

CREATE TABLE iam_password_policy (
  account_id                     VARCHAR(12) PRIMARY KEY,
  minimum_password_length        INTEGER NOT NULL,
  require_symbols                BOOLEAN NOT NULL,
  require_numbers                BOOLEAN NOT NULL,
  require_uppercase_characters   BOOLEAN NOT NULL,
  require_lowercase_characters   BOOLEAN NOT NULL,
  allow_users_to_change_password BOOLEAN NOT NULL,
  max_password_age               INTEGER,
  password_reuse_prevention      INTEGER,
  hard_expiry                    BOOLEAN NOT NULL
);

CREATE TABLE iam_policy_tag (
  policy_id VARCHAR(32)  NOT NULL REFERENCES iam_policy(id) ON DELETE CASCADE,
  tag_key   VARCHAR(128) NOT NULL,
  key_lower VARCHAR(128) NOT NULL,
  tag_value VARCHAR(256) NOT NULL,
  PRIMARY KEY (policy_id, key_lower)
);
