package io.gatehouse.server.runtime;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.awsprotocol.HttpResponseData;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
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
    for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      String key = name.toLowerCase(Locale.ROOT);
      List<String> values = headers.get(key);
      if (values == null) headers.put(key, values = new ArrayList<>(1));
      for (Enumeration<String> v = req.getHeaders(name); v.hasMoreElements(); ) values.add(v.nextElement());
    }
    long limit = Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1);
    long declared = req.getContentLengthLong();
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      if (declared >= 0 && declared < limit) {
        // The usual case: one array of the declared size, no growing buffers (a short body is cut to what came).
        body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) body = Arrays.copyOf(body, read);
      } else {
        body = in.readNBytes((int) limit);
      }
    }
    String query = req.getQueryString();
    return new HttpRequestData(req.getMethod().toUpperCase(Locale.ROOT), req.getRequestURI(), query == null ? "" : query,
        headers, body, req.getRemoteAddr());
  }

  /**
   * Writes the answer straight to the servlet response with its length, past Javalin's result
   * stream: that one looks for compression on every write (a response-header scan per call) and
   * AWS answers are never compressed.
   */
  static void respond(Context ctx, HttpResponseData response) throws IOException {
    HttpServletResponse res = ctx.res();
    res.setStatus(response.status());
    response.headers().forEach(res::setHeader);
    byte[] body = response.body() == null ? new byte[0] : response.body();
    res.setContentLength(body.length);
    try (OutputStream out = res.getOutputStream()) {
      out.write(body);
    }
  }
}
