package io.gatehouse.server.organizations;

import io.gatehouse.server.core.PageToken;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and, when more follow, the sequence number to continue after.
 */
record Slice<T>(List<T> items, Long nextAfterSeq) {
  Slice {
    items = List.copyOf(items);
  }

  /** The NextToken to return: null on the last page. */
  String nextToken() {
    return nextAfterSeq == null ? null : PageToken.encode(Long.toString(nextAfterSeq));
  }

  <R> Slice<R> map(Function<? super T, ? extends R> f) {
    return new Slice<>(items.stream().<R>map(f).toList(), nextAfterSeq);
  }
}
