package io.gatehouse.server.identitystore;

import java.util.List;

/**
 * One page of a keyset-paged listing.
 *
 * @param items the items, in key order
 * @param lastKey the key of the last item when more items follow, else null
 */
public record Page<T>(List<T> items, String lastKey) {
  public Page {
    items = List.copyOf(items);
  }
}
