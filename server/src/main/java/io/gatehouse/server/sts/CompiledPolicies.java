package io.gatehouse.server.sts;

import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies by document, so that a document is parsed once and not on every request.
 * Documents in the snapshots were validated when written; one that no longer parses is left out
 * (and so grants nothing) rather than failing the request.
 */
final class CompiledPolicies {
  private static final int MAX_ENTRIES = 20_000;

  private record Key(PolicyType type, String json) {}

  private final ConcurrentHashMap<Key, Optional<Policy>> cache = new ConcurrentHashMap<>();

  Optional<Policy> compile(String json, PolicyType type, String name) {
    if (json == null) return Optional.empty();
    if (cache.size() > MAX_ENTRIES) cache.clear();
    Optional<Policy> policy = cache.computeIfAbsent(new Key(type, json), k -> parse(k.json(), k.type()));
    return name == null ? policy : policy.map(p -> p.named(name));
  }

  private static Optional<Policy> parse(String json, PolicyType type) {
    ParseResult result = PolicyParser.parse(json, type);
    return result.hasErrors() ? Optional.empty() : result.policy();
  }
}
