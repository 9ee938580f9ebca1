-- The access portal (docs/portal.md): how identity-store users sign in (password and MFA), their
-- browser sessions, and the OIDC clients, device authorizations and tokens of sso-oidc that the
-- portal API (sso) accepts. Secrets are never stored as given: passwords are PBKDF2 hashes, MFA
-- secrets are sealed with the keyring, and every code or token is kept as its SHA-256 (hex), so a
-- copy of the database lets nobody sign in or call the portal. Rows of a user go with the user.

CREATE TABLE portal_password (
  user_id         VARCHAR(47)  PRIMARY KEY REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  password_hash   VARCHAR(256) NOT NULL,
  -- a one-time password an administrator generated: the user must choose a new one at sign-in
  must_change     BOOLEAN      NOT NULL,
  -- consecutive failed sign-ins; at the limit the user is locked until locked_until
  failed_attempts INTEGER      NOT NULL,
  locked_until    TIMESTAMP,
  updated_at      TIMESTAMP    NOT NULL
);

-- Authenticator apps (TOTP, RFC 6238). last_step is the last 30-second step accepted: a code is
-- good once, so a code seen over a shoulder cannot be replayed.
CREATE TABLE portal_mfa_device (
  device_id     VARCHAR(40)  PRIMARY KEY,
  user_id       VARCHAR(47)  NOT NULL REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  sealed_secret VARCHAR(512) NOT NULL,
  last_step     BIGINT       NOT NULL,
  registered_at TIMESTAMP    NOT NULL
);
CREATE INDEX portal_mfa_device_user ON portal_mfa_device (user_id);

-- A browser signing in or signed in. stage: PASSWORD (the user typed a right password that must be
-- changed), MFA_SETUP (registering an authenticator; pending_secret holds its sealed secret), MFA
-- (the password was right, the code is due), SIGNED_IN.
CREATE TABLE portal_session (
  session_hash   VARCHAR(64)  PRIMARY KEY,
  user_id        VARCHAR(47)  NOT NULL REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  stage          VARCHAR(16)  NOT NULL,
  pending_secret VARCHAR(512),
  csrf_token     VARCHAR(64)  NOT NULL,
  created_at     TIMESTAMP    NOT NULL,
  expires_at     TIMESTAMP    NOT NULL,
  CONSTRAINT portal_session_stage CHECK (stage IN ('PASSWORD', 'MFA_SETUP', 'MFA', 'SIGNED_IN'))
);
CREATE INDEX portal_session_user ON portal_session (user_id);

-- sso-oidc RegisterClient: public clients such as the AWS CLI.
CREATE TABLE oidc_client (
  client_id   VARCHAR(64)   PRIMARY KEY,
  secret_hash VARCHAR(64)   NOT NULL,
  client_name VARCHAR(256)  NOT NULL,
  client_type VARCHAR(16)   NOT NULL,
  scopes      VARCHAR(4096) NOT NULL,
  -- the authorization-code grant's registered redirect URIs (space-separated); empty without it
  redirect_uris VARCHAR(4096) NOT NULL,
  grant_types   VARCHAR(512)  NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  expires_at  TIMESTAMP     NOT NULL
);

-- The authorization-code grant with PKCE (RFC 7636), as newer AWS CLIs sign in: a code the
-- portal gave the user's browser for the client's redirect URI, exchanged once for tokens by the
-- client that proves it holds the verifier behind code_challenge (S256).
CREATE TABLE oidc_authorization_code (
  code_hash      VARCHAR(64)   PRIMARY KEY,
  client_id      VARCHAR(64)   NOT NULL REFERENCES oidc_client (client_id) ON DELETE CASCADE,
  user_id        VARCHAR(47)   NOT NULL REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  redirect_uri   VARCHAR(2048) NOT NULL,
  code_challenge VARCHAR(128)  NOT NULL,
  created_at     TIMESTAMP     NOT NULL,
  expires_at     TIMESTAMP     NOT NULL,
  used           BOOLEAN       NOT NULL DEFAULT FALSE
);

-- sso-oidc StartDeviceAuthorization: PENDING until the user approves (APPROVED, with the user) or
-- denies it in the portal; REDEEMED once CreateToken has exchanged it for a token.
CREATE TABLE oidc_device_authorization (
  device_code_hash VARCHAR(64)   PRIMARY KEY,
  user_code        VARCHAR(9)    NOT NULL UNIQUE,
  client_id        VARCHAR(64)   NOT NULL REFERENCES oidc_client (client_id) ON DELETE CASCADE,
  start_url        VARCHAR(2048) NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  user_id          VARCHAR(47)   REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  created_at       TIMESTAMP     NOT NULL,
  expires_at       TIMESTAMP     NOT NULL,
  last_poll_at     TIMESTAMP,
  CONSTRAINT oidc_device_authorization_status CHECK (status IN ('PENDING', 'APPROVED', 'DENIED', 'REDEEMED'))
);

-- Access and refresh tokens. A grant is one sign-in of one client; Logout ends the tokens of the
-- grant together. A refresh token is good once: used marks one exchanged, and presenting it again
-- ends its whole grant (it was stolen, or the client is broken).
CREATE TABLE oidc_token (
  token_hash VARCHAR(64)   PRIMARY KEY,
  kind       VARCHAR(8)    NOT NULL,
  grant_id   VARCHAR(40)   NOT NULL,
  user_id    VARCHAR(47)   NOT NULL REFERENCES idstore_users (user_id) ON DELETE CASCADE,
  client_id  VARCHAR(64)   NOT NULL,
  scopes     VARCHAR(4096) NOT NULL,
  created_at TIMESTAMP     NOT NULL,
  expires_at TIMESTAMP     NOT NULL,
  used       BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT oidc_token_kind CHECK (kind IN ('ACCESS', 'REFRESH'))
);
CREATE INDEX oidc_token_grant ON oidc_token (grant_id);
CREATE INDEX oidc_token_user ON oidc_token (user_id);
