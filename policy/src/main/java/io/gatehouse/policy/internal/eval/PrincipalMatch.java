package io.gatehouse.policy.internal.eval;

import io.gatehouse.policy.internal.model.PrincipalSpec;
import io.gatehouse.policy.internal.model.Statement;

/**
 * How a resource-based policy statement's Principal names the caller (AWS "Principal" element and
 * "Policy evaluation logic"): not at all, through its account (which delegates to the account's
 * identity policies), through the role of a session (limited by boundary and session policy),
 * through {@code "*"} (everyone: like a direct grant, except that a session policy still limits it,
 * since the session was not named), or directly (the user, the session, the federated user, the
 * service).
 */
enum PrincipalMatch {
    NONE, ACCOUNT, ROLE, WILDCARD, DIRECT;

    static PrincipalMatch of(Statement s, Caller c, boolean hasBoundary) {
        PrincipalSpec spec = s.principal();
        if (spec == null) {
            return NONE;
        }
        if (s.notPrincipal()) {
            return exempt(spec, c, hasBoundary) ? NONE : WILDCARD;
        }
        return named(spec, c);
    }

    /** The strongest way {@code spec} names the caller. */
    static PrincipalMatch named(PrincipalSpec spec, Caller c) {
        return switch (spec) {
            case PrincipalSpec.Anyone a -> WILDCARD;
            case PrincipalSpec.Named n -> {
                if (n.awsAnyone()) {
                    yield WILDCARD;
                }
                yield switch (c) {
                    case Caller.IamUser u -> n.awsArns().contains(u.text()) ? DIRECT : account(n, u.account());
                    case Caller.RoleSession rs -> n.awsArns().contains(rs.text()) ? DIRECT
                            : n.awsArns().contains(rs.roleArn()) ? ROLE : account(n, rs.account());
                    case Caller.Role r -> n.awsArns().contains(r.text()) ? ROLE : account(n, r.account());
                    case Caller.FederatedUser f -> n.awsArns().contains(f.text()) ? DIRECT : account(n, f.account());
                    case Caller.AccountRoot root -> n.accounts().contains(root.account()) || n.awsArns().contains(root.text()) ? DIRECT : NONE;
                    case Caller.ServicePrincipal sp -> n.services().contains(sp.name()) ? DIRECT : NONE;
                    case Caller.Anonymous an -> NONE;
                    case Caller.Other o -> n.federated().contains(o.text()) || n.canonicalUsers().contains(o.text())
                            || n.awsArns().contains(o.text()) ? DIRECT : NONE;
                };
            }
        };
    }

    private static PrincipalMatch account(PrincipalSpec.Named n, String account) {
        return account != null && n.accounts().contains(account) ? ACCOUNT : NONE;
    }

    /**
     * Whether a Deny + NotPrincipal statement leaves the caller out. AWS ("NotPrincipal"): the
     * caller is exempt only when every identity AWS checks is listed - the account and the user
     * (for a session: the account and the role or the session); and a principal with a permissions
     * boundary is never exempt.
     */
    static boolean exempt(PrincipalSpec spec, Caller c, boolean hasBoundary) {
        if (hasBoundary) {
            return false;
        }
        return switch (spec) {
            case PrincipalSpec.Anyone a -> true;
            case PrincipalSpec.Named n -> {
                if (n.awsAnyone()) {
                    yield true;
                }
                yield switch (c) {
                    case Caller.IamUser u -> n.accounts().contains(u.account()) && n.awsArns().contains(u.text());
                    case Caller.RoleSession rs -> n.accounts().contains(rs.account())
                            && (n.awsArns().contains(rs.text()) || n.awsArns().contains(rs.roleArn()));
                    case Caller.Role r -> n.accounts().contains(r.account()) && n.awsArns().contains(r.text());
                    case Caller.FederatedUser f -> n.accounts().contains(f.account()) && n.awsArns().contains(f.text());
                    case Caller.AccountRoot root -> n.accounts().contains(root.account());
                    case Caller.ServicePrincipal sp -> n.services().contains(sp.name());
                    case Caller.Anonymous an -> false;
                    case Caller.Other o -> n.federated().contains(o.text()) || n.canonicalUsers().contains(o.text());
                };
            }
        };
    }
}
