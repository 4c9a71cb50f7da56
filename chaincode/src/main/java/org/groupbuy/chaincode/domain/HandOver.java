package org.groupbuy.chaincode.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The hand-over rules of one group buy at its community's hand-over point: arrival slots, arrival, disinfection
 * and rest, delivery to households and completion. The state stays in {@link GroupBuy} (one stored record); this
 * class holds the rules of that stretch of its life.
 */
public final class HandOver {
    private final GroupBuy gb;

    HandOver(final GroupBuy gb) {
        this.gb = gb;
    }

    /** A new arrival request; an earlier pending one is replaced, an approved one stays. */
    public ArrivalRequest requestArrival(final Caller caller, final String slotArg, final ArrivalRequest previous,
            final Instant at) {
        gb.requireLeader(caller, "RequestArrival");
        gb.require("RequestArrival", GroupBuyStatus.ACCEPTED, GroupBuyStatus.PACKED, GroupBuyStatus.IN_TRANSIT);
        final Instant slot = Args.instant(slotArg, "slot");
        ErrorCode.INVALID_ARGUMENT.check(slot.isAfter(at), "slot %s must be in the future", slotArg);
        ErrorCode.CONFLICT.check(previous == null || previous.status() == ArrivalStatus.PENDING,
                "group buy %s already has an approved slot %s", gb.id, previous == null ? "" : previous.slot());
        gb.arrivalSlot = slot.toString();
        gb.arrivalApproved = false;
        gb.updatedAt = at.toString();
        return ArrivalRequest.of(gb, slot, caller, at);
    }

    /**
     * Approves the pending request ({@code null} when there is none) against the other requests of its day
     * ({@code sameDay} of a day); a group buy that failed or was cancelled gets no slot.
     */
    public void approveArrival(final Caller caller, final ArrivalRequest request,
            final Function<String, List<ArrivalRequest>> sameDay, final Community cm, final Instant at) {
        caller.requireIn(gb.community, "ApproveArrival", Role.COMMITTEE);
        ErrorCode.INVALID_STATE.check(!gb.status.refundsEverything(), "group buy %s is %s; ApproveArrival needs a group "
                + "buy that has not failed or been cancelled", gb.id, gb.status);
        ErrorCode.NOT_FOUND.check(request != null, "group buy %s has no arrival request; the leader must "
                + "RequestArrival first", gb.id);
        request.approve(caller, sameDay.apply(request.day()), cm.dailyCapacity(gb.handoverPoint));
        gb.arrivalApproved = true;
        gb.updatedAt = at.toString();
    }

    /**
     * A group buy that failed or was cancelled never arrives: its arrival request, pending or approved, is withdrawn
     * so that it stops counting against the hand-over point's slots of that day.
     */
    public boolean withdrawsArrival() {
        return gb.status.refundsEverything();
    }

    /** Receives the goods at the hand-over point; shortages against what was ordered are recorded. */
    public List<String> arrive(final Caller caller, final ArrivalReport report, final Instant at) {
        caller.requireIn(gb.community, "Arrive", Role.COMMITTEE, Role.VOLUNTEER);
        gb.require("Arrive", GroupBuyStatus.IN_TRANSIT);
        ErrorCode.INVALID_STATE.check(Boolean.TRUE.equals(gb.arrivalApproved),
                "group buy %s has no approved arrival slot; RequestArrival and ApproveArrival first", gb.id);
        final TreeMap<String, Long> got = Args.present(report, "receivedJson").received(gb.packed);
        final List<String> evidence = report.staffEvidence();
        final TreeMap<String, Long> short_ = new TreeMap<>();
        gb.ordered.forEach((sku, qty) -> {
            final long missing = qty - got.getOrDefault(sku, 0L);
            if (missing > 0) {
                short_.put(sku, missing);
            }
        });
        if (!short_.isEmpty()) {
            gb.shortageAgainst = report.shortageAgainst().name();
        }
        gb.received = got;
        gb.shortages = short_;
        gb.arrivedAt = at.toString();
        gb.move(GroupBuyStatus.ARRIVED, "Arrive", at);
        return evidence;
    }

    /**
     * Disinfects the goods and opens distribution once they have rested. Where a sku arrived short, who goes without
     * is decided here, once ({@link ShortGoods}; {@code allOrders} is read only then), so that deliveries never read
     * or write anything they share.
     */
    public void disinfect(final Caller caller, final Community cm, final String method, final String restArg,
            final Instant at, final Supplier<List<HouseholdOrder>> allOrders) {
        caller.requireIn(gb.community, "Disinfect", Role.COMMITTEE, Role.VOLUNTEER);
        gb.require("Disinfect", GroupBuyStatus.ARRIVED);
        gb.disinfection = Args.text(method, "method", 64);
        final long rest = Args.whole(restArg, "restMinutes", 0, 7 * 24 * 60);
        final int min = cm.minRestMinutes(gb.items.stream().map(Item::category).toList());
        ErrorCode.INVALID_ARGUMENT.check(rest >= min && rest <= 7 * 24 * 60,
                "restMinutes must be at least %d (community %s's minimum for these goods) and at most a week", min,
                gb.community);
        gb.restUntil = at.plus(Duration.ofMinutes(rest)).toString();
        if (gb.shortages != null && !gb.shortages.isEmpty()) {
            gb.unserved = ShortGoods.unserved(gb.shortages, gb.received, allOrders.get());
        }
        gb.move(GroupBuyStatus.DISINFECTED, "Disinfect", at);
    }

    /**
     * Hands an order over. Reads the group buy and writes only the order: volunteers delivering at the same time do
     * not conflict. A household left without a short sku at Disinfect cannot get it.
     */
    public void deliver(final Caller caller, final HouseholdOrder order, final String code, final Instant at) {
        caller.require(caller.actsFor(gb.community, Role.VOLUNTEER) || caller.party().equals(gb.leader), "Deliver",
                "volunteers of " + gb.community + " or the leader of " + gb.id);
        requireDistribution("Deliver");
        ErrorCode.INVALID_STATE.check(!at.isBefore(Instant.parse(gb.restUntil)),
                "goods of %s rest after disinfection until %s; deliver after that", gb.id, gb.restUntil);
        for (final HouseholdOrder.Line line : order.lines()) {
            final List<String> without = gb.unserved == null ? List.of() : gb.unserved.getOrDefault(line.sku(), List.of());
            ErrorCode.CONFLICT.check(!without.contains(order.household()), "only %d of %s arrived, and household %s is "
                    + "among the %d left without it (decided at Disinfect, in the order households joined); mark it "
                    + "UNDELIVERABLE and refund it", gb.received.getOrDefault(line.sku(), 0L), line.sku(),
                    order.household(), without.size());
        }
        order.deliver(caller, code, at);
    }

    public void markUndeliverable(final Caller caller, final HouseholdOrder order, final String why,
            final Instant at) {
        caller.require(caller.actsFor(gb.community, Role.VOLUNTEER, Role.COMMITTEE) || caller.party().equals(gb.leader),
                "MarkUndeliverable", "volunteers or committee of " + gb.community + " or the leader of " + gb.id);
        requireDistribution("MarkUndeliverable");
        order.undeliverable(why, at);
    }

    /** Hand-overs happen while the group buy is DISINFECTED; they never change the group buy's record. */
    private void requireDistribution(final String action) {
        gb.require(action, GroupBuyStatus.DISINFECTED);
    }

    public void complete(final Caller caller, final List<HouseholdOrder> orders, final Instant at) {
        gb.requireLeaderOrCommittee(caller, "Complete");
        gb.require("Complete", GroupBuyStatus.DISINFECTED);
        for (final HouseholdOrder o : orders) {
            ErrorCode.INVALID_STATE.check(o.status().finished(),
                    "household %s is still %s; Deliver it or MarkUndeliverable first", o.household(), o.status());
        }
        gb.move(GroupBuyStatus.COMPLETED, "Complete", at);
    }
}
