-- The identity store: users, groups and group memberships, as AWS's identitystore API serves them.
-- Uniqueness (UserName, primary email, group DisplayName, one membership per group and user) is
-- enforced here, by constraints, so that it holds across servers sharing one database.

CREATE TABLE idstore_stores (
  identity_store_id VARCHAR(36) PRIMARY KEY,
  -- 'organization' marks the store bootstrap created; UNIQUE keeps bootstrap idempotent when
  -- several servers start at once on one database.
  slot              VARCHAR(32) UNIQUE,
  created_at        TIMESTAMP NOT NULL
);

CREATE TABLE idstore_users (
  user_id           VARCHAR(47) PRIMARY KEY,
  identity_store_id VARCHAR(36) NOT NULL REFERENCES idstore_stores (identity_store_id),
  user_name         VARCHAR(128) NOT NULL,
  -- lower-cased UserName: AWS treats user names case-insensitively
  user_name_key     VARCHAR(128) NOT NULL,
  -- SHA-256 (hex) of the lower-cased email value, NULL without email; a hash keeps the index
  -- small whatever the value's length (1,024 characters) and encoding
  email_key         VARCHAR(64),
  user_status       VARCHAR(16) NOT NULL,
  external_ids      VARCHAR(10000),
  -- every other attribute as a JSON document (lowerCamelCase, as UpdateUser's attribute paths)
  attributes        VARCHAR(200000) NOT NULL,
  created_at        TIMESTAMP NOT NULL,
  created_by        VARCHAR(2048),
  updated_at        TIMESTAMP NOT NULL,
  updated_by        VARCHAR(2048),
  CONSTRAINT idstore_users_user_name_uq UNIQUE (identity_store_id, user_name_key),
  CONSTRAINT idstore_users_email_uq UNIQUE (identity_store_id, email_key)
);
CREATE INDEX idstore_users_page_idx ON idstore_users (identity_store_id, user_id);

CREATE TABLE idstore_groups (
  group_id          VARCHAR(47) PRIMARY KEY,
  identity_store_id VARCHAR(36) NOT NULL REFERENCES idstore_stores (identity_store_id),
  display_name      VARCHAR(1024) NOT NULL,
  -- SHA-256 (hex) of the lower-cased DisplayName
  display_name_key  VARCHAR(64) NOT NULL,
  description       VARCHAR(1024),
  external_ids      VARCHAR(10000),
  created_at        TIMESTAMP NOT NULL,
  created_by        VARCHAR(2048),
  updated_at        TIMESTAMP NOT NULL,
  updated_by        VARCHAR(2048),
  CONSTRAINT idstore_groups_display_name_uq UNIQUE (identity_store_id, display_name_key)
);
CREATE INDEX idstore_groups_page_idx ON idstore_groups (identity_store_id, group_id);

CREATE TABLE idstore_memberships (
  membership_id     VARCHAR(47) PRIMARY KEY,
  identity_store_id VARCHAR(36) NOT NULL,
  group_id          VARCHAR(47) NOT NULL REFERENCES idstore_groups (group_id),
  user_id           VARCHAR(47) NOT NULL REFERENCES idstore_users (user_id),
  created_at        TIMESTAMP NOT NULL,
  created_by        VARCHAR(2048),
  updated_at        TIMESTAMP NOT NULL,
  updated_by        VARCHAR(2048),
  CONSTRAINT idstore_memberships_uq UNIQUE (group_id, user_id)
);
-- keyset pages of one group's members, and of one user's groups (what assignments and SCIM read)
CREATE INDEX idstore_memberships_group_idx ON idstore_memberships (group_id, membership_id);
CREATE INDEX idstore_memberships_user_idx ON idstore_memberships (user_id, membership_id);
CREATE INDEX idstore_memberships_store_idx ON idstore_memberships (identity_store_id, membership_id);

-- Identifiers issued by external identity providers (SCIM), for GetUserId/GetGroupId by ExternalId.
CREATE TABLE idstore_external_ids (
  identity_store_id VARCHAR(36) NOT NULL,
  resource_type     VARCHAR(16) NOT NULL,
  issuer            VARCHAR(256) NOT NULL,
  external_id       VARCHAR(256) NOT NULL,
  resource_id       VARCHAR(47) NOT NULL,
  CONSTRAINT idstore_external_ids_pk PRIMARY KEY (identity_store_id, resource_type, issuer, external_id)
);
CREATE INDEX idstore_external_ids_resource_idx ON idstore_external_ids (resource_id);
