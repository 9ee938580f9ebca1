package io.gatehouse.server.permissionsets;

import io.gatehouse.server.core.PageToken;
import java.util.List;
import java.util.function.Function;

/** One page of a listing and the token of the next (null on the last page). */
record Page<T>(List<T> items, String nextToken) {
  /**
   * Pages a listing fetched with one extra row: {@code rows} holds up to {@code limit + 1} items
   * after the previous page's last key, and the page's token is its last item's key.
   */
  static <T> Page<T> of(List<T> rows, int limit, Function<T, String> key) {
    if (rows.size() <= limit) return new Page<>(List.copyOf(rows), null);
    List<T> page = List.copyOf(rows.subList(0, limit));
    return new Page<>(page, PageToken.encode(key.apply(page.get(limit - 1))));
  }

  /** Pages a short, fully loaded and ordered listing (a set's policies, a resource's tags). */
  static <T> Page<T> ofAll(List<T> all, String nextToken, int limit, Function<T, String> key) {
    String after = PageToken.decode(nextToken);
    List<T> rest = after == null ? all : all.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
    return of(rest.subList(0, Math.min(rest.size(), limit + 1)), limit, key);
  }
}
