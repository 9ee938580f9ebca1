package io.gatehouse.policy.internal.model;

import java.util.Set;

/** The Principal or NotPrincipal element of a statement. */
public sealed interface PrincipalSpec {

    /** {@code "Principal": "*"}: everyone, anonymous callers included. */
    record Anyone() implements PrincipalSpec {}

    /**
     * Named principals. {@code awsAnyone} is {@code "AWS": "*"}; {@code accounts} holds 12-digit
     * account ids (from bare ids and {@code :root} ARNs); {@code awsArns} other ARNs, compared
     * literally (wildcards inside a principal ARN are not patterns); {@code services} lower-cased.
     */
    record Named(boolean awsAnyone, Set<String> accounts, Set<String> awsArns, Set<String> services,
                 Set<String> federated, Set<String> canonicalUsers) implements PrincipalSpec {
        public Named {
            accounts = Set.copyOf(accounts);
            awsArns = Set.copyOf(awsArns);
            services = Set.copyOf(services);
            federated = Set.copyOf(federated);
            canonicalUsers = Set.copyOf(canonicalUsers);
        }
    }
}
