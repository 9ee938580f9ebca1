package io.gatehouse.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** One case of the AWS SigV4 test suite in {@code src/test/resources/sigv4} (see its README). */
record SigV4TestCase(String name, Path dir, String accessKeyId, String secretAccessKey, String token,
    String region, String service, boolean normalize, Instant timestamp) {

  enum Form {
    HEADER("header"), QUERY("query");

    final String prefix;

    Form(String prefix) {
      this.prefix = prefix;
    }
  }

  static Path root(String resourceDir) {
    try {
      return Path.of(SigV4TestCase.class.getResource(resourceDir).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** AWS's suite, {@code src/test/resources/sigv4}. */
  static Stream<SigV4TestCase> all() {
    return all("/sigv4");
  }

  /** Every case folder under a test resource folder. */
  static Stream<SigV4TestCase> all(String resourceDir) {
    try (Stream<Path> dirs = Files.list(root(resourceDir))) {
      return dirs.filter(Files::isDirectory).sorted().map(SigV4TestCase::load).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SigV4TestCase load(Path dir) {
    try {
      JsonNode context = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
      JsonNode credentials = context.path("credentials");
      return new SigV4TestCase(dir.getFileName().toString(), dir,
          credentials.path("access_key_id").asText(), credentials.path("secret_access_key").asText(),
          credentials.hasNonNull("token") ? credentials.path("token").asText() : null,
          context.path("region").asText(), context.path("service").asText(),
          context.path("normalize").asBoolean(), Instant.parse(context.path("timestamp").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request as it reaches the server ({@code request.txt}); for the botocore cases, already signed. */
  HttpRequestData request() {
    return parseHttp(read(dir.resolve("request.txt")));
  }

  String file(Form form, String suffix) {
    return read(dir.resolve(form.prefix + "-" + suffix));
  }

  HttpRequestData signedRequest(Form form) {
    return parseHttp(file(form, "signed-request.txt"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the suite's raw HTTP text: request line, {@code Name:value} headers (a line starting
   * with whitespace continues the previous value, joined by a space as an HTTP server unfolds it),
   * a blank line, the body.
   */
  static HttpRequestData parseHttp(String text) {
    int headerEnd = text.indexOf("\n\n");
    String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
    String body = headerEnd < 0 ? "" : text.substring(headerEnd + 2);
    String[] lines = head.split("\n", -1);
    String requestLine = lines[0];
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String lastName = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) continue;
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
        List<String> values = headers.get(lastName);
        values.set(values.size() - 1, values.get(values.size() - 1) + " " + line);
        continue;
      }
      int colon = line.indexOf(':');
      lastName = line.substring(0, colon).toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(lastName, k -> new ArrayList<>()).add(line.substring(colon + 1));
    }
    return new HttpRequestData(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
  }

  @Override
  public String toString() {
    return name;
  }
}
