package io.gatehouse.bench.server;

/** A server's answer: status and body. Anything but 2xx is an error for the benchmark. */
record Reply(int status, String body) {
  boolean ok() {
    return status >= 200 && status < 300;
  }
}
