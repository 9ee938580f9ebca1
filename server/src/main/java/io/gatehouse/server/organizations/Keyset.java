package io.gatehouse.server.organizations;

import io.gatehouse.server.core.PageToken;

/**
 * Where a page starts (after the row with sequence number {@code afterSeq}) and how many rows it holds.
 */
record Keyset(long afterSeq, int limit) {
  static final int DEFAULT_LIMIT = 20;

  /** From a request's NextToken and MaxResults (the protocol layer already checked MaxResults' range). */
  static Keyset of(String nextToken, Integer maxResults) {
    String last = PageToken.decode(nextToken);
    long after = 0;
    if (last != null) {
      try {
        after = Long.parseLong(last);
      } catch (NumberFormatException e) {
        throw new PageToken.InvalidPageTokenException();
      }
    }
    return new Keyset(after, maxResults == null ? DEFAULT_LIMIT : maxResults);
  }

  static Keyset all() {
    return new Keyset(0, Integer.MAX_VALUE - 1);
  }
}
