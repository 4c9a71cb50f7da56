package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.util.List;

/** A complaint about a delivered household order, mediated by the committee. */
public final class Dispute {
    private String id;
    private String groupBuyId;
    private String community;
    private String household;
    private String reason;
    private long claimCents;
    private DisputeStatus status;
    private long refundCents;
    private Responsible responsible;
    private String responsibleParty;
    private String openedBy;
    private String openedAt;
    private String ruledBy;
    private String ruledAt;

    /** Who an upheld dispute counts against. */
    public enum Responsible { LEADER, SUPPLIER, COURIER }

    /**
     * Opens a dispute about a delivered order of {@code gb}; {@code disputes} are the group buy's disputes so far. A
     * household order has at most one open dispute at a time, so that each ruling weighs what earlier ones awarded.
     */
    public static Dispute openOn(final GroupBuy gb, final Caller caller, final HouseholdOrder order, final String why,
            final String claimArg, final String disputeId, final List<Dispute> disputes, final Instant at) {
        gb.requireLeaderOrCommittee(caller, "OpenDispute");
        gb.require("OpenDispute", GroupBuyStatus.DISINFECTED, GroupBuyStatus.COMPLETED);
        ErrorCode.INVALID_STATE.check(order.status() == OrderStatus.DELIVERED,
                "household %s's order is %s; only a delivered order can be disputed", order.household(), order.status());
        final Dispute d = open(disputeId, gb, order, why, Args.amount(claimArg, "claimCents", 1), caller, at);
        disputes.stream().filter(o -> o.household().equals(order.household()) && o.status() == DisputeStatus.DISPUTED)
                .findFirst().ifPresent(open -> {
                    throw ErrorCode.CONFLICT.error("household %s of %s already has open dispute %s; the committee "
                            + "must RuleDispute it before another is opened", order.household(), gb.id(), open.id());
                });
        return d;
    }

    static Dispute open(final String id, final GroupBuy gb, final HouseholdOrder order, final String why,
            final long claim, final Caller caller, final Instant at) {
        final Dispute d = new Dispute();
        d.id = id;
        d.groupBuyId = gb.id();
        d.community = gb.community();
        d.household = order.household();
        d.reason = Args.publicText(why, "reason", 500);
        ErrorCode.INVALID_ARGUMENT.check(claim >= 1 && claim <= order.amountCents(),
                "claimCents must be 1-%d (the order's amount)", order.amountCents());
        d.claimCents = claim;
        d.status = DisputeStatus.DISPUTED;
        d.openedBy = caller.party();
        d.openedAt = at.toString();
        return d;
    }

    /**
     * The committee's ruling: an upheld dispute owes a refund and counts against the responsible party. The
     * refund is bounded by the claim and by what the household can still have back ({@code householdEntries}: its
     * payments and refunds; {@code disputes}: the group buy's disputes), so that Settle can always be reached.
     */
    public void rule(final Caller caller, final GroupBuy gb, final DisputeStatus ruling, final long refund,
            final String responsibleArg, final List<Payment> householdEntries, final List<Dispute> disputes,
            final Instant at) {
        caller.requireIn(community, "RuleDispute", Role.COMMITTEE);
        ErrorCode.INVALID_ARGUMENT.check(ruling != DisputeStatus.DISPUTED, "ruling must be UPHELD or REJECTED");
        status.guard("dispute", id, ruling, "RuleDispute");
        if (ruling == DisputeStatus.UPHELD) {
            ErrorCode.INVALID_ARGUMENT.check(refund >= 1 && refund <= claimCents,
                    "an upheld dispute refunds 1-%d cents (the claim)", claimCents);
            final long awardedBefore = Exact.sum(disputes.stream().filter(o -> !o.id.equals(id)
                    && o.household.equals(household) && o.status == DisputeStatus.UPHELD).toList(),
                    Dispute::refundCents, "refundCents of the disputes of household " + household);
            MoneyPolicy.requireAwardRefundable(refund, householdEntries, awardedBefore, household);
            responsible = Args.oneOf(responsibleArg, Responsible.class, "responsible");
            responsibleParty = gb.party(responsible);
            ErrorCode.INVALID_ARGUMENT.check(responsibleParty != null,
                    "group buy %s has no %s; name LEADER or SUPPLIER", gb.id(), responsible);
        } else {
            ErrorCode.INVALID_ARGUMENT.check(refund == 0, "a rejected dispute refunds 0 cents");
            ErrorCode.INVALID_ARGUMENT.check(responsibleArg == null || responsibleArg.isBlank(),
                    "a rejected dispute names no responsible party");
        }
        status = ruling;
        refundCents = refund;
        ruledBy = caller.party();
        ruledAt = at.toString();
    }

    public String id() {
        return id;
    }

    public String groupBuyId() {
        return groupBuyId;
    }

    public String household() {
        return household;
    }

    public DisputeStatus status() {
        return status;
    }

    public long refundCents() {
        return refundCents;
    }

    public String responsibleParty() {
        return responsibleParty;
    }
}
