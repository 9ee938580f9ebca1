package io.gatehouse.server.iam;

import io.gatehouse.server.core.PageToken;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an IAM list: AWS's {@code Marker}/{@code MaxItems} paging (100 items by default),
 * keyset-based: the marker is the opaque key of the last item returned.
 */
record Page<T>(List<T> items, boolean truncated, String marker) {
  static final int DEFAULT_MAX_ITEMS = 100;

  /** @param all every item, sorted by {@code key} */
  static <T> Page<T> of(List<T> all, Function<T, String> key, String marker, Integer maxItems) {
    String after = PageToken.decode(marker);
    int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    List<T> rest = after == null ? all : all.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
    if (rest.size() <= max) return new Page<>(rest, false, null);
    List<T> items = List.copyOf(rest.subList(0, max));
    return new Page<>(items, true, PageToken.encode(key.apply(items.getLast())));
  }

  <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), truncated, marker);
  }
}
