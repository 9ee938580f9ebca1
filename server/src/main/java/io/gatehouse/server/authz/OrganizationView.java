package io.gatehouse.server.authz;

import io.gatehouse.server.organizations.OrganizationTree;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The organization as authorization sees it: an in-memory {@link OrganizationTree} that
 * {@link #reload()} replaces whenever change-log topic {@code organizations} advances (on this
 * server right after the commit, before the write's response; on others at the next poll).
 */
public final class OrganizationView implements Supplier<OrganizationTree> {
  private final Supplier<OrganizationTree> load;
  private volatile OrganizationTree current = OrganizationTree.empty();

  /** @param load reads the tree from the database (e.g. {@code OrganizationsFeature::tree}); called by {@link #reload()} only */
  public OrganizationView(Supplier<OrganizationTree> load) {
    this.load = Objects.requireNonNull(load, "load");
  }

  /** The current tree, from memory. */
  @Override
  public OrganizationTree get() {
    return current;
  }

  /** Re-reads the tree; one at a time, so that a read made before a commit never replaces one made after it. */
  public synchronized void reload() {
    current = load.get();
  }
}
