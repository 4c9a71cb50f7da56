package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A party's history: group buys completed and failed by cause, upheld disputes, on-time rate, commitments. */
public final class PartyRecord {
    private String party;
    private int groupBuys;
    private int completed;
    private TreeMap<String, Integer> failedByCause = new TreeMap<>();
    private int shortagesAgainst;
    private int disputesUpheld;
    private int dispatched;
    private int onTime;
    private Integer onTimePercent;
    private List<String> activeCommitments = new ArrayList<>();

    public static PartyRecord of(final String party, final List<GroupBuy> groupBuys, final List<Commitment> commitments,
            final int disputesUpheld, final Instant at) {
        final PartyRecord r = new PartyRecord();
        r.party = party;
        r.groupBuys = groupBuys.size();
        for (final GroupBuy gb : groupBuys) {
            if (gb.status() == GroupBuyStatus.COMPLETED || gb.status() == GroupBuyStatus.SETTLED) {
                r.completed++;
            }
            if (gb.failureCause() != null) {
                r.failedByCause.merge(gb.failureCause(), 1, Integer::sum);
            }
            if (gb.shortageAgainst() != null
                    && party.equals(gb.party(Dispute.Responsible.valueOf(gb.shortageAgainst())))) {
                r.shortagesAgainst++;
            }
            if (gb.dispatchedAt() != null && gb.shipBy() != null) {
                r.dispatched++;
                r.onTime += Instant.parse(gb.dispatchedAt()).isAfter(Instant.parse(gb.shipBy())) ? 0 : 1;
            }
        }
        r.onTimePercent = r.dispatched == 0 ? null : r.onTime * 100 / r.dispatched;
        r.disputesUpheld = disputesUpheld;
        commitments.stream().filter(c -> c.activeAt(at)).forEach(c -> r.activeCommitments.add(c.id()));
        return r;
    }
}
