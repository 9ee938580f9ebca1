import java.sql.*; import java.util.*; import java.lang.management.*;
/**
 * What one identity-store write costs H2 alone, without the server: the statements of a CreateUser
 * (variant u…) or a CreateGroupMembership (m…) on the schema the migrations build, each in its own
 * committed transaction, as the embedded default runs them (WRITE_DELAY=0). Run from the repo root:
 *
 *   java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar bench/scripts/H2CommitCost.java u 10000
 *
 * Variants: u, m; add "nopage" (without the two paging indexes), "nostore" (without the
 * memberships' store index), "nolock" (memberships without FOR UPDATE). -Dextra=";PAGE_SIZE=1024"
 * appends H2 URL settings. Prints process CPU and wall time per transaction of the second half.
 */
public class H2CommitCost {
  public static void main(String[] a) throws Exception {
    String variant = a[0]; int n = Integer.parseInt(a[1]);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("h2-commit-cost");
    Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/g;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" + System.getProperty("extra", ""), "sa", "");
    Statement s = c.createStatement();
    for (String f : new String[]{"V1__core.sql", "V2__identity_store.sql"}) {
      String sql = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("server/src/main/resources/db/migration/" + f)));
      sql = sql.replaceAll("(?m)--.*$", "");
      for (String st : sql.split(";")) if (!st.isBlank()) s.execute(st);
    }
    if (variant.contains("nopage")) { s.execute("DROP INDEX idstore_users_page_idx"); s.execute("DROP INDEX idstore_groups_page_idx"); }
    if (variant.contains("nostore")) s.execute("DROP INDEX idstore_memberships_store_idx");
    boolean lock = !variant.contains("nolock");
    s.execute("INSERT INTO idstore_stores VALUES ('d-1', 'organization', CURRENT_TIMESTAMP)");
    c.setAutoCommit(false);
    PreparedStatement insU = c.prepareStatement("INSERT INTO idstore_users (user_id, identity_store_id, user_name, user_name_key, email_key, user_status, external_ids, attributes, created_at, created_by, updated_at, updated_by) VALUES (?, 'd-1', ?, ?, ?, 'ENABLED', NULL, ?, CURRENT_TIMESTAMP, 'arn:aws:iam::123456789012:root', CURRENT_TIMESTAMP, 'arn:aws:iam::123456789012:root')");
    PreparedStatement insG = c.prepareStatement("INSERT INTO idstore_groups (group_id, identity_store_id, display_name, display_name_key, description, external_ids, created_at, created_by, updated_at, updated_by) VALUES (?, 'd-1', ?, ?, NULL, NULL, CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 'x')");
    PreparedStatement insM = c.prepareStatement("INSERT INTO idstore_memberships VALUES (?, 'd-1', ?, ?, CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 'x')");
    PreparedStatement lockG = c.prepareStatement("SELECT * FROM idstore_groups WHERE identity_store_id='d-1' AND group_id = ?" + (lock ? " FOR UPDATE" : ""));
    PreparedStatement lockU = c.prepareStatement("SELECT * FROM idstore_users WHERE identity_store_id='d-1' AND user_id = ?" + (lock ? " FOR UPDATE" : ""));
    PreparedStatement store = c.prepareStatement("SELECT identity_store_id FROM idstore_stores WHERE identity_store_id = 'd-1'");
    PreparedStatement log = c.prepareStatement("INSERT INTO change_log (topic, changed_at) VALUES ('identitystore', CURRENT_TIMESTAMP)");
    boolean mem = variant.startsWith("m");
    List<String> users = new ArrayList<>(); List<String> groups = new ArrayList<>();
    if (mem) {
      for (int i = 0; i < 200; i++) { String g = "g-" + UUID.randomUUID(); insG.setString(1, g); insG.setString(2, "grp" + i); insG.setString(3, sha("grp"+i)); insG.executeUpdate(); groups.add(g); }
      for (int i = 0; i < 2 * n + 2; i++) { String u = "u-" + UUID.randomUUID(); users.add(u); user(insU, u, "pre" + i); if (i % 500 == 0) c.commit(); }
      c.commit();
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int phase = 0; phase < 2; phase++) {
      long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int k = phase * n + i;
        try (ResultSet r = store.executeQuery()) { r.next(); }
        if (mem) {
          String g = groups.get(k % groups.size()), u = users.get(k);
          lockG.setString(1, g); try (ResultSet r = lockG.executeQuery()) { r.next(); }
          lockU.setString(1, u); try (ResultSet r = lockU.executeQuery()) { r.next(); }
          insM.setString(1, "m-" + UUID.randomUUID()); insM.setString(2, g); insM.setString(3, u); insM.executeUpdate();
        } else {
          user(insU, "u-" + UUID.randomUUID(), "user" + k);
        }
        log.executeUpdate();
        c.commit();
      }
      long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0;
      if (phase == 1) System.out.printf("%s: %.1f us CPU/tx, %.1f us wall/tx%n", variant, cpu / 1e3 / n, wall / 1e3 / n);
    }
    c.close();
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
  static void user(PreparedStatement p, String id, String name) throws Exception {
    p.setString(1, id); p.setString(2, name); p.setString(3, name.toLowerCase()); p.setString(4, sha(name + "@example.com"));
    p.setString(5, "{\"displayName\":\"" + name + "\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"},\"emails\":[{\"value\":\"" + name + "@example.com\",\"primary\":true}]}");
    p.executeUpdate();
  }
  static String sha(String v) throws Exception { return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(v.getBytes())); }
}
