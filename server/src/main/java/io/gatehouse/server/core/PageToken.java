package io.gatehouse.server.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination tokens: the sort key of the last item returned, base64url-encoded so clients
 * treat it as opaque. Keyset paging (not offsets) keeps pages stable while items are added.
 */
public final class PageToken {
  private PageToken() {}

  public static String encode(String lastKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the last key of the previous page, or {@code null} for a missing token
   * @throws InvalidPageTokenException if the token was not made by {@link #encode}
   */
  public static String decode(String token) {
    if (token == null || token.isEmpty()) return null;
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageTokenException();
    }
  }

  /** A token the server never issued. Protocols map it to their own validation error. */
  public static final class InvalidPageTokenException extends RuntimeException {
    public InvalidPageTokenException() {
      super("the pagination token is invalid", null, false, false);
    }
  }
}
