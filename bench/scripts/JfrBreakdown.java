import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went: `java JfrBreakdown.java file.jfr [topN]`.
 * Self time goes to the innermost frame outside the JDK (JDK code counts for the library that
 * called it); inclusive time counts a sample once for every listed frame on its stack.
 */
public class JfrBreakdown {
  // first match wins, in this order (prefixes of "package.Class.method")
  static final String[][] SELF = {
      {"org.h2.", "H2"},
      {"org.eclipse.jetty.", "Jetty"},
      {"io.javalin.", "Javalin"},
      {"org.jdbi.", "Jdbi"},
      {"com.zaxxer.hikari.", "HikariCP"},
      {"com.fasterxml.jackson.", "Jackson"},
      {"org.slf4j.", "logging (slf4j)"},
      {"io.gatehouse.server.awsprotocol.", "Gatehouse protocol layer"},
      {"io.gatehouse.server.auth.", "SigV4 (auth)"},
      {"io.gatehouse.server.crypto.", "crypto"},
      {"io.gatehouse.server.identitystore.", "identitystore"},
      {"io.gatehouse.server.storage.", "storage"},
      {"io.gatehouse.server.runtime.", "runtime"},
      {"io.gatehouse.", "Gatehouse other"},
  };
  static final String[][] INCLUSIVE = {
      {"org.h2.jdbc.JdbcConnection.commit", "H2 commit (JdbcConnection.commit)"},
      {"org.h2.mvstore.MVStore.store", "  MVStore.store (chunk write)"},
      {"org.h2.mvstore.FileStore", "  MVStore FileStore"},
      {"sun.nio.ch.FileChannelImpl.force", "  fsync (FileChannel.force)"},
      {"org.h2.jdbc.JdbcPreparedStatement.execute", "H2 statement execution"},
      {"org.h2.jdbc.JdbcConnection.prepareStatement", "H2 prepareStatement (parse)"},
      {"org.h2.command.Parser.", "  H2 SQL parser"},
      {"org.jdbi.v3.core.transaction.", "Jdbi transaction handling"},
      {"com.zaxxer.hikari.pool.HikariPool.getConnection", "Hikari getConnection"},
      {"com.zaxxer.hikari.pool.ProxyConnection.close", "Hikari connection close (reset)"},
      {"io.gatehouse.server.storage.ChangeLog.append", "ChangeLog.append"},
      {"io.gatehouse.server.runtime.ChangeFeed", "ChangeFeed (poll + listeners)"},
      {"io.gatehouse.server.awsprotocol.AwsEndpoint.handle", "AwsEndpoint.handle (whole call)"},
      {"io.gatehouse.server.auth.", "SigV4 + credentials"},
      {"io.gatehouse.server.identitystore.IdentityStoreService.", "IdentityStoreService (incl. DB)"},
      {"io.gatehouse.server.runtime.HttpBridge.request", "HttpBridge.request (headers, body)"},
      {"io.gatehouse.server.runtime.HttpBridge.respond", "HttpBridge.respond"},
      {"org.slf4j.", "logging (slf4j, incl. I/O)"},
      {"io.javalin.", "Javalin (incl. handlers below it)"},
      {"org.eclipse.jetty.server.internal.HttpConnection.onFillable", "Jetty connection (everything under it)"},
      {"jdk.internal.misc.VirtualThread", "virtual thread scheduling"},
      {"java.util.concurrent.ForkJoinPool", "ForkJoinPool (carrier threads)"},
  };

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> self = new LinkedHashMap<>();
    Map<String, Integer> incl = new LinkedHashMap<>();
    Map<String, Integer> selfMethod = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      if (e.getStackTrace() == null) continue;
      total++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      List<String> names = new ArrayList<>(frames.size());
      for (RecordedFrame f : frames) {
        names.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
      var t = e.getThread("sampledThread");
      String tn = t == null ? "?" : (t.isVirtual() ? "virtual" : t.getJavaName());
      if (tn != null) tn = tn.replaceAll("[0-9]+", "N");
      threads.merge(tn, 1, Integer::sum);
      selfMethod.merge(names.isEmpty() ? "?" : names.get(0), 1, Integer::sum);
      String owner = "JDK / other";
      for (String n : names) {
        if (isJdk(n)) continue;
        owner = classify(n);
        break;
      }
      self.merge(owner, 1, Integer::sum);
      for (String[] rule : INCLUSIVE) {
        for (String n : names) {
          if (n.startsWith(rule[0])) {
            incl.merge(rule[1], 1, Integer::sum);
            break;
          }
        }
      }
    }
    System.out.printf("%d execution samples%n%nself (innermost non-JDK frame; JDK code counts for its caller):%n", total);
    print(self, total, Integer.MAX_VALUE);
    System.out.printf("%ninclusive (a sample counts for every listed frame on its stack):%n");
    for (String[] rule : INCLUSIVE) {
      int n = incl.getOrDefault(rule[1], 0);
      if (n > 0) System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * n / total, n, rule[1]);
    }
    System.out.printf("%nthreads:%n");
    print(threads, total, 8);
    System.out.printf("%ntop innermost methods:%n");
    print(selfMethod, total, top);
  }

  static boolean isJdk(String n) {
    return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.") || n.startsWith("javax.");
  }

  static String classify(String n) {
    for (String[] rule : SELF) if (n.startsWith(rule[0])) return rule[1];
    return "other libraries";
  }

  static void print(Map<String, Integer> m, int total, int limit) {
    m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
        .forEach(en -> System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * en.getValue() / total, en.getValue(), en.getKey()));
  }
}
