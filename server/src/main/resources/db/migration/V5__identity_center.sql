-- The IAM Identity Center instance (sso-admin). An organization has exactly one, owned by the
-- management account; UNIQUE(owner_account_id) makes a concurrent second bootstrap fail instead of
-- creating a twin.
CREATE TABLE sso_instances (
  instance_arn      VARCHAR(128) PRIMARY KEY,
  identity_store_id VARCHAR(64)  NOT NULL,
  owner_account_id  VARCHAR(12)  NOT NULL UNIQUE,
  name              VARCHAR(255),
  status            VARCHAR(32)  NOT NULL,
  created_date      TIMESTAMP    NOT NULL
);
