package io.gatehouse.bench.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Calibration peer: a loopback HTTP server that reads each request and answers 200 with one fixed
 * JSON body without looking at it (the body holds the few members the driver's setup reads, so
 * every workload runs against it). Driving it shows the driver's own ceiling on this machine and the CPU a
 * server spends on HTTP alone, the floor under any real server's CPU per call.
 * Usage: {@code java -cp benchmarks.jar io.gatehouse.bench.server.NullServer PORT}; stop with SIGTERM.
 */
public final class NullServer {

  private NullServer() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 5100;
    byte[] answer = """
        {"Instances":[{"IdentityStoreId":"d-0000000000"}],\
        "UserId":"00000000-0000-0000-0000-000000000000",\
        "GroupId":"00000000-0000-0000-0000-000000000001"}""".getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        body.readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, answer.length);
        out.write(answer);
      }
    });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    System.out.println("NullServer on 127.0.0.1:" + port + " pid " + ProcessHandle.current().pid());
  }
}
