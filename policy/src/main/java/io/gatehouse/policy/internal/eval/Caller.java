package io.gatehouse.policy.internal.eval;

import java.util.Locale;

/** Who makes the request, as far as policy evaluation cares. */
public sealed interface Caller {
    /** The principal's account, or null for service principals and anonymous callers. */
    String account();

    /** The principal as written in the request. */
    String text();

    record IamUser(String text, String account) implements Caller {}

    record Role(String text, String account) implements Caller {}

    /** An assumed-role session; {@code roleArn} is the role it came from. */
    record RoleSession(String text, String roleArn, String account) implements Caller {}

    record FederatedUser(String text, String account) implements Caller {}

    record AccountRoot(String text, String account) implements Caller {}

    record ServicePrincipal(String text, String name) implements Caller {
        public String account() { return null; }
    }

    record Anonymous(String text) implements Caller {
        public String account() { return null; }
    }

    /** A principal we cannot classify (web identity, SAML, canonical user id...): matched literally. */
    record Other(String text) implements Caller {
        public String account() { return null; }
    }

    /**
     * Classifies a principal string: an IAM/STS ARN, a service principal ({@code sns.amazonaws.com})
     * or {@code "anonymous"}. {@code roleArn} overrides the role of a session (to keep its path).
     */
    static Caller parse(String principal, String roleArn) {
        if (principal.equals("anonymous") || principal.equals("*")) {
            return new Anonymous(principal);
        }
        String[] seg = principal.split(":", 6);
        if (seg.length == 6 && seg[0].equals("arn")) {
            String partition = seg[1];
            String account = seg[4];
            String res = seg[5];
            if (seg[2].equals("iam")) {
                if (res.equals("root")) {
                    return new AccountRoot(principal, account);
                }
                if (res.startsWith("user/")) {
                    return new IamUser(principal, account);
                }
                if (res.startsWith("role/")) {
                    return new Role(principal, account);
                }
            } else if (seg[2].equals("sts")) {
                if (res.startsWith("assumed-role/")) {
                    String[] parts = res.split("/", 3);
                    String role = roleArn != null ? roleArn
                            : "arn:" + partition + ":iam::" + account + ":role/" + (parts.length > 1 ? parts[1] : "");
                    return new RoleSession(principal, role, account);
                }
                if (res.startsWith("federated-user/")) {
                    return new FederatedUser(principal, account);
                }
            }
            return new Other(principal);
        }
        if (principal.indexOf(':') < 0 && principal.indexOf('.') > 0) {
            return new ServicePrincipal(principal, principal.toLowerCase(Locale.ROOT));
        }
        return new Other(principal);
    }

    /** Service-linked roles (path aws-service-role/) are not restricted by SCPs or RCPs. */
    static boolean isServiceLinkedRole(Caller c) {
        String role = switch (c) {
            case Role r -> r.text();
            case RoleSession s -> s.roleArn();
            default -> null;
        };
        return role != null && role.contains(":role/aws-service-role/");
    }
}
