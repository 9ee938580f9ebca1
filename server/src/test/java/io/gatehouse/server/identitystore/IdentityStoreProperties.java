package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of the service on generated inputs, each try in a fresh identity store of one H2
 * database: user names are unique ignoring case whatever the order of creation, keyset pages
 * return every user exactly once for any page size, and UpdateUser's set-then-remove leaves a
 * user as it was.
 */
class IdentityStoreProperties {
  private static Database db;
  private static IdentityStoreService service;

  @BeforeContainer
  static void open() {
    db = TestDatabases.h2();
    service = new IdentityStoreService(db, new JdbcIdentityStoreStore(), Clock.systemUTC());
  }

  @AfterContainer
  static void close() {
    db.close();
  }

  private static String newStore() {
    String id = "d-" + Ids.hex(10);
    db.inTransaction(h -> {
      new JdbcIdentityStoreStore().insertStore(h, id, null, Instant.now());
      return null;
    });
    return id;
  }

  @Provide
  Arbitrary<List<String>> names() {
    // few distinct letters so that case variants of one name turn up often
    return Arbitraries.strings().withChars("aAbBcC").ofMinLength(1).ofMaxLength(3).list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 40)
  void userNamesAreUniqueIgnoringCaseAndEveryPageSizeListsEachUserOnce(
      @ForAll("names") List<String> names, @ForAll @IntRange(min = 1, max = 7) int pageSize) {
    String store = newStore();
    Map<String, String> idByFolded = new HashMap<>();
    for (String name : names) {
      String folded = name.toLowerCase(Locale.ROOT);
      try {
        User u = service.createUser(store, IdentityStoreServiceTest.person(name, null), null);
        assertThat(idByFolded.put(folded, u.userId())).as("a second user named %s", name).isNull();
      } catch (Conflict c) {
        assertThat(idByFolded).as("conflict only for a name taken already: %s", name).containsKey(folded);
      }
    }
    List<String> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<User> page = service.listUsers(store, null, null, pageSize, token);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(u -> listed.add(u.userId()));
      token = page.lastKey() == null ? null : PageToken.encode(page.lastKey());
      pages++;
    } while (token != null);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(idByFolded.values()).isSorted();
    assertThat(pages).isEqualTo(Math.max(1, (idByFolded.size() + pageSize - 1) / pageSize));
  }

  @Property(tries = 40)
  void settingThenRemovingOptionalAttributesRestoresTheUser(
      @ForAll("optionalPaths") List<String> paths, @ForAll("texts") String value) {
    String store = newStore();
    User u = service.createUser(store, IdentityStoreServiceTest.person("someone", null), null);
    List<AttributeOperation> set = new ArrayList<>();
    List<AttributeOperation> remove = new ArrayList<>();
    for (String p : paths) {
      set.add(new AttributeOperation(p, JsonNodeFactory.instance.textNode(value)));
      remove.add(new AttributeOperation(p, null));
    }
    service.updateUser(store, u.userId(), set, null);
    User changed = service.describeUser(store, u.userId(), null);
    for (String p : paths) assertThat(AttributeJson.tree(changed.attributes()).at("/" + p.replace('.', '/')).asText())
        .isEqualTo(value);
    service.updateUser(store, u.userId(), remove, null);
    assertThat(service.describeUser(store, u.userId(), null).attributes()).isEqualTo(u.attributes());
  }

  @Provide
  Arbitrary<List<String>> optionalPaths() {
    return Arbitraries.of("nickName", "profileUrl", "userType", "title", "preferredLanguage", "locale", "timezone",
        "website", "birthdate", "name.middleName", "name.honorificPrefix", "name.honorificSuffix", "name.formatted")
        .list().uniqueElements().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange('!', '~').withChars("äöü é漢字 ").ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank());
  }
}
