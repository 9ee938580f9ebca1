package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.core.AwsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of OU creations and deletions and account moves, checked step by step against
 * a plain in-memory model of AWS's rules (depth, sibling names, empty deletes, moves), and at the
 * end the read model against the API's own answers.
 */
class OrganizationTreeModelTest {

  sealed interface Step permits CreateOu, DeleteOu, Move {}

  /** Indexes pick among the ids known so far (deleted ones too, to exercise not-found). */
  record CreateOu(int parent, int name) implements Step {}

  record DeleteOu(int ou) implements Step {}

  record Move(int account, int destination) implements Step {}

  @Provide
  Arbitrary<Step> steps() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, 40);
    return Arbitraries.oneOf(
        Combinators.combine(index, Arbitraries.integers().between(0, 2)).as(CreateOu::new),
        Combinators.combine(index, index).as(CreateOu::new).map(c -> new CreateOu(c.parent(), c.name() % 3)),
        index.map(DeleteOu::new),
        Combinators.combine(index, index).as(Move::new));
  }

  @Property(tries = 10)
  void theServicesFollowTheRulesAndTheTreeMatchesTheApi(@ForAll @Size(min = 10, max = 40) List<@net.jqwik.api.From("steps") Step> steps) {
    try (OrganizationsFixture f = new OrganizationsFixture()) {
      String root = f.rootId();
      Map<String, String> ouParent = new LinkedHashMap<>();
      Map<String, String> ouName = new HashMap<>();
      Map<String, String> accountParent = new LinkedHashMap<>();
      List<String> everyOu = new ArrayList<>();
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String a = f.account("Acct" + i);
        accounts.add(a);
        accountParent.put(a, root);
      }

      for (Step step : steps) {
        switch (step) {
          case CreateOu c -> {
            // high indexes nest under the newest OU, so that deep chains (and the depth limit) come up
            String parent = c.parent() >= 25 && !everyOu.isEmpty() ? everyOu.getLast()
                : c.parent() % (everyOu.size() + 1) == 0 ? root : everyOu.get(c.parent() % (everyOu.size() + 1) - 1);
            String name = "n" + c.name();
            String expected = !parent.equals(root) && !ouParent.containsKey(parent) ? "ParentNotFoundException"
                : depth(parent, ouParent) + 1 > 5 ? "OU_DEPTH_LIMIT_EXCEEDED"
                : ouParent.entrySet().stream().anyMatch(e -> e.getValue().equals(parent) && ouName.get(e.getKey()).equals(name))
                    ? "DuplicateOrganizationalUnitException" : "ok";
            String actual = outcome(() -> {
              OrganizationalUnit ou = f.ou(parent, name);
              ouParent.put(ou.id(), parent);
              ouName.put(ou.id(), name);
              everyOu.add(ou.id());
            });
            assertThat(actual).as("%s under %s", step, parent).isEqualTo(expected);
            Statistics.label("create").collect(actual);
          }
          case DeleteOu d -> {
            if (everyOu.isEmpty()) continue;
            String ou = everyOu.get(d.ou() % everyOu.size());
            String expected = !ouParent.containsKey(ou) ? "OrganizationalUnitNotFoundException"
                : ouParent.containsValue(ou) || accountParent.containsValue(ou) ? "OrganizationalUnitNotEmptyException" : "ok";
            String actual = outcome(() -> {
              f.structure.deleteOrganizationalUnit(ou);
              ouParent.remove(ou);
            });
            assertThat(actual).as("%s of %s", step, ou).isEqualTo(expected);
            Statistics.label("delete").collect(actual);
          }
          case Move m -> {
            String account = accounts.get(m.account() % accounts.size());
            String destination = m.destination() % (everyOu.size() + 1) == 0 ? root
                : everyOu.get(m.destination() % (everyOu.size() + 1) - 1);
            String source = accountParent.get(account);
            String expected = !destination.equals(root) && !ouParent.containsKey(destination) ? "DestinationParentNotFoundException"
                : destination.equals(source) ? "DuplicateAccountException" : "ok";
            String actual = outcome(() -> {
              f.accounts.moveAccount(account, source, destination);
              accountParent.put(account, destination);
            });
            assertThat(actual).as("%s to %s", step, destination).isEqualTo(expected);
            Statistics.label("move").collect(actual);
          }
        }
      }

      OrganizationTree tree = f.feature.tree();
      for (String account : accounts) {
        List<String> chain = new ArrayList<>();
        chain.add(account);
        for (String id = account; !id.equals(root); ) {
          id = f.structure.parentOf(id).id();
          chain.addFirst(id);
        }
        assertThat(tree.levels(account)).extracting(OrganizationTree.Level::targetId).containsExactlyElementsOf(chain);
        assertThat(tree.levels(account)).allSatisfy(level ->
            assertThat(level.serviceControlPolicies()).extracting(OrganizationTree.AttachedPolicy::id).containsExactly("p-FullAWSAccess"));
        assertThat(tree.orgPath(account)).contains(f.info.organizationId() + "/" + String.join("/", chain.subList(0, chain.size() - 1)) + "/");
      }
      for (String ou : ouParent.keySet()) {
        assertThat(f.structure.describeOrganizationalUnit(ou).depth()).isEqualTo(depth(ou, ouParent)).isLessThanOrEqualTo(5);
      }
    }
  }

  private static int depth(String id, Map<String, String> ouParent) {
    int depth = 0;
    for (String p = id; ouParent.containsKey(p); p = ouParent.get(p)) depth++;
    return depth;
  }

  private static String outcome(Runnable action) {
    try {
      action.run();
      return "ok";
    } catch (AwsException e) {
      Object reason = e.fields().get("Reason");
      return reason != null ? reason.toString() : e.code();
    }
  }
}
