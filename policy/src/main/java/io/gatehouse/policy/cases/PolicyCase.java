package io.gatehouse.policy.cases;

import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.Decision;
import io.gatehouse.policy.PolicySet;
import java.util.List;
import java.util.Optional;

/**
 * One case of the neutral case format (JSON Lines, see docs/EVALUATION.md and the oracle's
 * FORMAT.md): a request, the policies that apply, and the expected answers when the case carries
 * them ({@code expected.decision} from the oracle, {@code awsExpected} from AWS's documentation).
 *
 * @param id the case id as text (a JSON string's value, else the raw JSON)
 * @param idJson the case id as raw JSON, for echoing it back unchanged
 */
public record PolicyCase(String id, String idJson, AuthorizationRequest request, PolicySet policies,
                         Optional<Decision> expected, Optional<Decision> awsExpected,
                         Optional<String> rule, Optional<String> note, List<String> caveats) {

    public PolicyCase {
        caveats = List.copyOf(caveats);
    }
}
