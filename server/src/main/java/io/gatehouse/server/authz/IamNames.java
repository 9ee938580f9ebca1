package io.gatehouse.server.authz;

import io.gatehouse.server.iam.IamSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * The IAM users and roles of one snapshot by account, kind and name, so that an operation naming
 * an entity without its path ({@code GetRole RoleName=x}) is authorized on its real ARN
 * ({@code role/app/x}). Built once per snapshot.
 */
final class IamNames {
  final IamSnapshot snapshot;
  private final Map<String, String> nameWithPath;

  IamNames(IamSnapshot snapshot) {
    this.snapshot = snapshot;
    Map<String, String> m = HashMap.newHashMap(snapshot.principals().size());
    for (IamSnapshot.Principal p : snapshot.principals().values()) {
      String path = p.path() == null || p.path().isEmpty() ? "/" : p.path();
      m.put(key(p.accountId(), p.type(), p.name()), path.substring(1) + p.name());
    }
    this.nameWithPath = m;
  }

  /** {@code app/x} for role {@code x} at path {@code /app/}; null when no such user or role exists. */
  String nameWithPath(String accountId, String type, String name) {
    return nameWithPath.get(key(accountId, type, name));
  }

  private static String key(String accountId, String type, String name) {
    return accountId + '\0' + type + '\0' + name;
  }
}
