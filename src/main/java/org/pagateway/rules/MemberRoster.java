package org.pagateway.rules;

import java.util.List;
import java.util.Optional;

import org.pagateway.model.Enrollee;

/** Who the payer covers. The gateway ships a file-backed roster; a payer plugs in its eligibility system here. */
public interface MemberRoster {

    Optional<Enrollee> find(String memberId);

    /** The dependents enrolled under a subscriber. */
    List<Enrollee> dependentsOf(String subscriberId);
}
