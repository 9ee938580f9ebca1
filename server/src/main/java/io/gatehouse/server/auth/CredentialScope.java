package io.gatehouse.server.auth;

/**
 * The scope of a SigV4 signature, {@code yyyymmdd/region/service/aws4_request}: the day, region and
 * service the signing key was derived for.
 *
 * @param date the day, {@code yyyymmdd}
 * @param region any region name (Gatehouse accepts every region)
 * @param service the signing name the client used, e.g. {@code sts}, {@code identitystore}
 * @param terminator always {@code aws4_request} in a valid scope
 */
public record CredentialScope(String date, String region, String service, String terminator) {
  static final String TERMINATOR = "aws4_request";

  /** The scope as it appears in the credential and the string to sign. */
  @Override
  public String toString() {
    return date + '/' + region + '/' + service + '/' + terminator;
  }
}
