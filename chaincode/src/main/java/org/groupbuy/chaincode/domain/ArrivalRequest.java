package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** A leader's request for an arrival slot at a hand-over point on one day. */
public final class ArrivalRequest {
    /** Queue order: GUARANTEE first, then the earlier slot, then the group buy id. */
    public static final Comparator<ArrivalRequest> QUEUE = Comparator.comparing((ArrivalRequest r) -> r.priority)
            .thenComparing(r -> r.slot).thenComparing(r -> r.groupBuyId);

    private String groupBuyId;
    private String community;
    private String day;
    private String slot;
    private String handoverPoint;
    private Category priority;
    private ArrivalStatus status;
    private String requestedBy;
    private String requestedAt;
    private String approvedBy;
    private Integer position;

    static ArrivalRequest of(final GroupBuy gb, final Instant slot, final Caller caller, final Instant at) {
        final ArrivalRequest r = new ArrivalRequest();
        r.groupBuyId = gb.id();
        r.community = gb.community();
        r.day = slot.atZone(ZoneOffset.UTC).toLocalDate().toString();
        r.slot = slot.toString();
        r.handoverPoint = gb.handoverPoint();
        r.priority = gb.priority();
        r.status = ArrivalStatus.PENDING;
        r.requestedBy = caller.party();
        r.requestedAt = at.toString();
        return r;
    }

    /**
     * Approves within the hand-over point's daily capacity; an IMPROVEMENT request may not take a slot that the
     * pending GUARANTEE requests of that day still need.
     */
    public void approve(final Caller caller, final List<ArrivalRequest> sameDay, final int capacity) {
        caller.requireIn(community, "ApproveArrival", Role.COMMITTEE);
        status.guard("arrival request of", groupBuyId, ArrivalStatus.APPROVED, "ApproveArrival");
        final List<ArrivalRequest> here = sameDay.stream().filter(r -> r.handoverPoint.equals(handoverPoint)
                && !r.groupBuyId.equals(groupBuyId)).toList();
        final long approved = here.stream().filter(r -> r.status == ArrivalStatus.APPROVED).count();
        ErrorCode.CONFLICT.check(approved < capacity, "hand-over point %s is full on %s (%d of %d slots approved); "
                + "ask the leader to request another day", handoverPoint, day, approved, capacity);
        if (priority == Category.IMPROVEMENT) {
            final List<String> waiting = here.stream().filter(r -> r.status == ArrivalStatus.PENDING
                    && r.priority == Category.GUARANTEE).map(r -> r.groupBuyId).sorted().toList();
            ErrorCode.CONFLICT.check(approved + waiting.size() < capacity, "the %d free slot(s) at %s on %s are needed "
                    + "by pending GUARANTEE requests %s; approve those first", capacity - approved, handoverPoint, day,
                    waiting);
        }
        status = ArrivalStatus.APPROVED;
        approvedBy = caller.party();
    }

    /** The day's requests in queue order, numbered. */
    public static List<ArrivalRequest> queue(final List<ArrivalRequest> requests) {
        final List<ArrivalRequest> sorted = requests.stream().sorted(QUEUE).toList();
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).position = i + 1;
        }
        return sorted;
    }

    public String day() {
        return day;
    }

    public String community() {
        return community;
    }

    public String groupBuyId() {
        return groupBuyId;
    }

    public ArrivalStatus status() {
        return status;
    }

    public String slot() {
        return slot;
    }
}
