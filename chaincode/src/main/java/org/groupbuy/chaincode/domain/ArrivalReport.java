package org.groupbuy.chaincode.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What arrived at the hand-over point and who was on duty. */
public final class ArrivalReport {
    /** Staff on duty at one hand-over: the community limits how many gather at the gate. */
    static final int MAX_STAFF = 50;

    private List<HouseholdOrder.Line> received;
    private List<Staff> staff;
    private String shortageAgainst;

    /** The quantity received per sku: each packed sku listed once, none above what was packed. */
    TreeMap<String, Long> received(final Map<String, Long> packed) {
        ErrorCode.INVALID_ARGUMENT.check(received != null, "receivedJson.received is missing");
        final TreeMap<String, Long> got = new TreeMap<>();
        for (final HouseholdOrder.Line line : received) {
            line.check("received", 0, Args.MAX_QUANTITY);
            ErrorCode.INVALID_ARGUMENT.check(packed.containsKey(line.sku()) && !got.containsKey(line.sku()),
                    "received sku %s was not packed or is listed twice", line.sku());
            ErrorCode.INVALID_ARGUMENT.check(line.quantity() <= packed.get(line.sku()),
                    "received %s must be 0-%d (packed)", line.sku(), packed.get(line.sku()));
            got.put(line.sku(), line.quantity());
        }
        ErrorCode.INVALID_ARGUMENT.check(got.keySet().equals(packed.keySet()),
                "receivedJson must list every packed sku %s", packed.keySet());
        return got;
    }

    /** Checks who is on duty; returns their temperature-check hashes as evidence. */
    List<String> staffEvidence() {
        ErrorCode.INVALID_ARGUMENT.check(staff != null && !staff.isEmpty(), "staff: list who is on duty");
        ErrorCode.INVALID_ARGUMENT.check(staff.size() <= MAX_STAFF, "staff: list at most %d on duty, got %d",
                MAX_STAFF, staff.size());
        final List<String> evidence = new ArrayList<>();
        for (final Staff s : staff) {
            evidence.add(s.check());
        }
        return evidence;
    }

    /** Who a shortage counts against: the supplier or the courier, never the leader. */
    Dispute.Responsible shortageAgainst() {
        final Dispute.Responsible against = Args.oneOf(shortageAgainst, Dispute.Responsible.class,
                "shortageAgainst");
        ErrorCode.INVALID_ARGUMENT.check(against != Dispute.Responsible.LEADER,
                "shortageAgainst is SUPPLIER or COURIER");
        return against;
    }
}
