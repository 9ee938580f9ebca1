package io.gatehouse.server.runtime;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between Javalin's request/response and the server-independent {@code awsprotocol} records. */
final class HttpBridge {
  private HttpBridge() {}

  /**
   * Reads the request as sent. The body is read up to {@code maxBodyBytes + 1} bytes only: enough
   * for the endpoint to see that it is too large and say so, without buffering an unbounded body.
   */
  static HttpRequestData request(Context ctx, long maxBodyBytes) throws IOException {
    HttpServletRequest req = ctx.req();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .addAll(Collections.list(req.getHeaders(name)));
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    }
    String query = req.getQueryString();
    return new HttpRequestData(req.getMethod().toUpperCase(Locale.ROOT), req.getRequestURI(), query == null ? "" : query,
        headers, body, req.getRemoteAddr());
  }

  static void respond(Context ctx, HttpResponseData response) {
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    ctx.result(response.body() == null ? new byte[0] : response.body());
  }
}
