package io.gatehouse.server.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a request claims about its signature, parsed from the {@code Authorization} header or the
 * presigned query, before anything is checked: who signed, for which scope and when.
 */
public final class SignedRequest {
  /** Where the signature travels. */
  public enum Form { HEADER, QUERY }

  private final Form form;
  private final String accessKeyId;
  private final CredentialScope scope;
  private final String timestamp;
  private final Instant time;
  private final String securityToken;
  final String signedHeadersLine;
  final List<String> signedHeaders;
  final String signature;
  final long expiresSeconds;
  final List<CanonicalRequest.Parameter> query;

  SignedRequest(Form form, String accessKeyId, CredentialScope scope, String timestamp, Instant time,
      String securityToken, String signedHeadersLine, List<String> signedHeaders, String signature,
      long expiresSeconds, List<CanonicalRequest.Parameter> query) {
    this.form = form;
    this.accessKeyId = accessKeyId;
    this.scope = scope;
    this.timestamp = timestamp;
    this.time = time;
    this.securityToken = securityToken;
    this.signedHeadersLine = signedHeadersLine;
    this.signedHeaders = signedHeaders;
    this.signature = signature;
    this.expiresSeconds = expiresSeconds;
    this.query = query;
  }

  public Form form() {
    return form;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public CredentialScope scope() {
    return scope;
  }

  /** The request time as signed, ISO 8601 basic format ({@code 20150830T123600Z}). */
  public String timestamp() {
    return timestamp;
  }

  public Instant time() {
    return time;
  }

  /** {@code X-Amz-Security-Token}, or null for long-term credentials. */
  public String securityToken() {
    return securityToken;
  }

  /** The presigned URL's lifetime in seconds ({@code X-Amz-Expires}), or -1 when it has none. */
  public long expiresSeconds() {
    return expiresSeconds;
  }
}
