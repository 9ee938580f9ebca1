package io.gatehouse.server.portal;

import java.time.Instant;
import java.util.List;

/** A client registered through sso-oidc RegisterClient (the AWS CLI registers itself so). */
record OidcClient(String clientId, String secretHash, String name, String type, List<String> scopes,
    List<String> redirectUris, List<String> grantTypes, Instant createdAt, Instant expiresAt) {}
