package io.gatehouse.server.awsprotocol;

import io.gatehouse.server.auth.AuthenticationException;
import io.gatehouse.server.auth.Authenticator;
import io.gatehouse.server.core.Caller;
import java.util.ArrayList;
import java.util.List;

/** Accepts every request as the root of 123456789012, or rejects them all with a chosen kind; records the signing names asked for. */
final class FakeAuthenticator implements Authenticator {
  final List<String> signingNames = new ArrayList<>();
  private volatile AuthenticationException.Kind reject;

  FakeAuthenticator rejectWith(AuthenticationException.Kind kind) {
    this.reject = kind;
    return this;
  }

  @Override
  public synchronized Caller authenticate(HttpRequestData request, String signingName) {
    signingNames.add(signingName);
    if (reject != null) throw new AuthenticationException(reject, null);
    return Caller.root("123456789012", "AKIAIOSFODNN7EXAMPLE");
  }
}
