package io.gatehouse.server.awsprotocol;

import java.util.Map;

/** A response to write back: status, headers and body bytes. */
public record HttpResponseData(int status, Map<String, String> headers, byte[] body) {}
