-- Access keys: the root's keys now, IAM users' keys later (issue 3). The secret is sealed with
-- AES-GCM under the keyring (SigV4 needs it back, so it cannot be hashed) and stored as base64 so
-- that one column type works on H2 and PostgreSQL. Temporary (ASIA...) credentials are never stored:
-- their session token carries them, sealed.
CREATE TABLE access_keys (
  access_key_id     VARCHAR(128)  PRIMARY KEY,
  account_id        VARCHAR(12)   NOT NULL,
  principal_arn     VARCHAR(2048) NOT NULL,
  principal_user_id VARCHAR(128)  NOT NULL,
  principal_type    VARCHAR(32)   NOT NULL,
  secret_sealed     VARCHAR(1024) NOT NULL,
  status            VARCHAR(16)   NOT NULL,
  created_at        TIMESTAMP     NOT NULL,
  last_used_at      TIMESTAMP,
  last_used_region  VARCHAR(64),
  last_used_service VARCHAR(64),
  CONSTRAINT access_keys_status CHECK (status IN ('Active', 'Inactive')),
  CONSTRAINT access_keys_principal_type CHECK (principal_type IN ('ROOT', 'USER'))
);

CREATE INDEX access_keys_by_principal ON access_keys (principal_user_id);
