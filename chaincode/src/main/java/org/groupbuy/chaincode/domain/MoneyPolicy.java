package org.groupbuy.chaincode.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money rules of a group buy, in whole cents (docs/contract.md, "Money rule of Settle"): the leader's fee
 * within the community's cap, what orders are worth, what a household may have back, the refunds owed before
 * Settle, and the figures that must reconcile. Pure: money entries and figures in, a figure or a refusal out.
 */
final class MoneyPolicy {
    /** From the supplier's acceptance until Settle: money moves between the leader and the supplier. */
    private static final Set<GroupBuyStatus> SUPPLIED = EnumSet.of(GroupBuyStatus.ACCEPTED, GroupBuyStatus.PACKED,
            GroupBuyStatus.IN_TRANSIT, GroupBuyStatus.ARRIVED, GroupBuyStatus.QUARANTINED, GroupBuyStatus.DISINFECTED,
            GroupBuyStatus.COMPLETED);
    /** From Open until Settle, as long as the group buy lives: households pay. */
    private static final Set<GroupBuyStatus> PAYING = EnumSet.of(GroupBuyStatus.OPEN, GroupBuyStatus.SUBMITTED,
            GroupBuyStatus.ACCEPTED, GroupBuyStatus.PACKED, GroupBuyStatus.IN_TRANSIT, GroupBuyStatus.ARRIVED,
            GroupBuyStatus.QUARANTINED, GroupBuyStatus.DISINFECTED, GroupBuyStatus.COMPLETED);

    private MoneyPolicy() {
    }

    /**
     * Whether a group buy in {@code status} takes an entry of {@code kind}: household payments while it lives,
     * the supplier's payments and refunds from acceptance, household refunds from Close until Settle (also when
     * it failed or was cancelled, since everything paid is then due back).
     */
    static void requireRecordable(final Payment.Kind kind, final GroupBuyStatus status, final String groupBuy) {
        switch (kind) {
            case PAYMENT -> status.requireIn("group buy", groupBuy, "RecordPayment", PAYING);
            case SUPPLIER_PAYMENT -> status.requireIn("group buy", groupBuy, "RecordSupplierPayment", SUPPLIED);
            case SUPPLIER_REFUND -> status.requireIn("group buy", groupBuy, "RecordSupplierRefund", SUPPLIED);
            case REFUND -> ErrorCode.INVALID_STATE.check(status.acceptsMoney() && status != GroupBuyStatus.OPEN,
                    "group buy %s is %s; RecordRefund needs it closed and not yet settled", groupBuy, status);
        }
    }

    /** Supplier payments and refunds are confirmed or withdrawn while they may still be recorded: until Settle. */
    static void requireAnswerable(final GroupBuyStatus status, final String groupBuy, final String action) {
        status.requireIn("group buy", groupBuy, action, SUPPLIED);
    }

    /** A household pays for an order that is joined, confirmed or delivered. */
    static void requireOrderTakesPayment(final OrderStatus order, final String household) {
        ErrorCode.INVALID_STATE.check(order == OrderStatus.JOINED || order == OrderStatus.CONFIRMED
                || order == OrderStatus.DELIVERED, "household %s's order is %s; it takes no payment", household, order);
    }

    /**
     * A refund in full ends an order that gets nothing: its group buy failed or was cancelled, or the order was
     * undeliverable, cancelled or never confirmed.
     */
    static boolean refundEndsOrder(final boolean inFull, final GroupBuyStatus groupBuy, final OrderStatus order) {
        return inFull && (groupBuy.refundsEverything() || order == OrderStatus.UNDELIVERABLE
                || order == OrderStatus.CANCELLED || order == OrderStatus.JOINED);
    }

    /** What the disputes award each household, by household; refused while any dispute is still open. */
    static TreeMap<String, Long> disputeRefunds(final List<Dispute> disputes) {
        final TreeMap<String, Long> awards = new TreeMap<>();
        for (final Dispute d : disputes) {
            ErrorCode.INVALID_STATE.check(d.status() != DisputeStatus.DISPUTED,
                    "dispute %s is still open; the committee must RuleDispute first", d.id());
            awards.merge(d.household(), d.refundCents(),
                    (a, b) -> Exact.add(a, b, "refundCents of the disputes of household " + d.household()));
        }
        return awards;
    }

    /** At Open the leader's fee is 0 up to the community's cap, in whole percent. */
    static void requireFeeWithinCap(final int feePercent, final int capPercent, final String community) {
        ErrorCode.INVALID_ARGUMENT.check(feePercent >= 0 && feePercent <= capPercent,
                "leaderFeePercent must be 0-%d (community %s's cap)", capPercent, community);
    }

    /**
     * What household orders are worth: the sum of their amounts (quantity x unit price at Open); a sum beyond a
     * {@code long} is refused naming {@code what}.
     */
    static long amountOf(final List<HouseholdOrder> orders, final String what) {
        return Exact.sum(orders, HouseholdOrder::amountCents, what);
    }

    /** The sum of the entries of one kind, named by its settlement figure when it is too large. */
    static long total(final List<Payment> entries, final Payment.Kind kind) {
        return Exact.sum(entries.stream().filter(p -> p.kind() == kind && p.counts()).toList(), Payment::amountCents,
                figure(kind));
    }

    /** The sum of one household's entries of one kind. */
    static long total(final List<Payment> entries, final Payment.Kind kind, final String household) {
        return Exact.sum(entries.stream().filter(p -> p.kind() == kind && p.counts() && household.equals(p.household())).toList(),
                Payment::amountCents, figure(kind) + " of household " + household);
    }

    private static String figure(final Payment.Kind kind) {
        return switch (kind) {
            case PAYMENT -> "collectedCents";
            case SUPPLIER_PAYMENT -> "supplierPaidCents";
            case REFUND -> "refundedCents";
            case SUPPLIER_REFUND -> "supplierRefundedCents";
        };
    }

    /**
     * A refund may not exceed what the household paid and has not had back ({@code householdEntries}: its
     * payments and refunds so far); returns whether the refund pays back all of that.
     */
    static boolean refundsInFull(final long amountCents, final List<Payment> householdEntries,
            final String household) {
        final long balance = total(householdEntries, Payment.Kind.PAYMENT)
                - total(householdEntries, Payment.Kind.REFUND);
        ErrorCode.INVALID_ARGUMENT.check(amountCents <= balance,
                "refund of %d cents exceeds what household %s paid and has not had back (%d cents)", amountCents,
                household, balance);
        return amountCents == balance;
    }

    /**
     * A household pays at most its order plus the most the leader may charge on it: what it has paid, less what it
     * has had back, plus {@code amountCents}, stays within {@code orderCents} + {@linkplain #feeCap fee cap}.
     */
    static void requirePaymentWithinOrder(final long amountCents, final List<Payment> householdEntries,
            final long orderCents, final int feePercent, final String household) {
        final long net = Exact.add(total(householdEntries, Payment.Kind.PAYMENT)
                - total(householdEntries, Payment.Kind.REFUND), amountCents, "amountCents");
        final long most = Exact.add(orderCents, feeCap(orderCents, feePercent), "amountCents");
        ErrorCode.INVALID_ARGUMENT.check(net <= most, "payment of %d cents would bring household %s to %d cents paid "
                + "(net of refunds), above its order of %d plus a leader fee of at most %d (%d%%); record what the "
                + "household really paid", amountCents, household, net, orderCents, most - orderCents, feePercent);
    }

    /**
     * The supplier is paid at most for the goods it answers for ({@code goodsCents}, see {@code
     * GroupBuy#suppliedGoodsCents}): what it was paid, less what it paid back, plus {@code amountCents}.
     */
    static void requireSupplierPaymentWithinGoods(final long amountCents, final List<Payment> entries,
            final long goodsCents, final String groupBuy) {
        final long net = Exact.add(total(entries, Payment.Kind.SUPPLIER_PAYMENT)
                - total(entries, Payment.Kind.SUPPLIER_REFUND), amountCents, "amountCents");
        ErrorCode.INVALID_ARGUMENT.check(net <= goodsCents, "supplier payment of %d cents would bring what group buy "
                + "%s paid its supplier to %d cents (net of its refunds), above the %d cents its goods are worth at "
                + "the agreed unit prices; record what was really paid", amountCents, groupBuy, net, goodsCents);
    }

    /** The value of {@code quantities} (sku to units) at the items' agreed unit prices. */
    static long valueOf(final List<Item> items, final Map<String, Long> quantities) {
        long total = 0;
        for (final Item item : items) {
            total = Exact.add(total, Exact.multiply(quantities.getOrDefault(item.sku(), 0L), item.unitPriceCents(),
                    "value of " + item.sku()), "value of the supplied goods");
        }
        return total;
    }

    /**
     * At Settle the supplier keeps at most what its goods are worth ({@code goodsCents}): if it was paid in advance
     * for more than it packed or delivered, it pays the rest back first.
     */
    static void requireSupplierNotOverpaid(final List<Payment> entries, final long goodsCents, final String groupBuy) {
        final long net = total(entries, Payment.Kind.SUPPLIER_PAYMENT) - total(entries, Payment.Kind.SUPPLIER_REFUND);
        ErrorCode.INVALID_STATE.check(net <= goodsCents, "group buy %s paid its supplier %d cents net, above the %d "
                + "cents its goods are worth at the agreed unit prices; the supplier must RecordSupplierRefund the %d "
                + "cents difference first", groupBuy, net, goodsCents, net - goodsCents);
    }

    /**
     * A supplier refund may not exceed what the leader paid the supplier and has not had back ({@code entries}:
     * the group buy's money entries so far).
     */
    static void requireSupplierRefundWithinPaid(final long amountCents, final List<Payment> entries,
            final String groupBuy) {
        final long paid = total(entries, Payment.Kind.SUPPLIER_PAYMENT);
        final long back = total(entries, Payment.Kind.SUPPLIER_REFUND);
        ErrorCode.INVALID_ARGUMENT.check(amountCents <= paid - back, "supplier refund of %d cents exceeds what group "
                + "buy %s paid its supplier and has not had back (%d cents: paid %d, refunded %d)", amountCents,
                groupBuy, paid - back, paid, back);
    }

    /**
     * An upheld dispute awards at most what the household can still have back: what it paid, less what it has
     * had back or what earlier upheld disputes awarded it, whichever is more (refunds recorded count towards those
     * awards, as at Settle). So the awards of a household never exceed its payments, and every refund Settle asks
     * for can be recorded.
     */
    static void requireAwardRefundable(final long refundCents, final List<Payment> householdEntries,
            final long awardedBefore, final String household) {
        final long paid = total(householdEntries, Payment.Kind.PAYMENT);
        final long refunded = total(householdEntries, Payment.Kind.REFUND);
        final long left = Math.max(0, paid - Math.max(refunded, awardedBefore));
        ErrorCode.INVALID_ARGUMENT.check(refundCents <= left, "an upheld dispute refunds at most %d cents to household "
                + "%s: it paid %d, has had %d back and earlier upheld disputes awarded it %d; rule a smaller refund, "
                + "or record its payment first", left, household, paid, refunded, awardedBefore);
    }

    /**
     * Before Settle every refund owed is recorded: a household is owed its upheld dispute refunds
     * ({@code disputeRefunds}) and, when its order was not delivered ({@code notDelivered}), everything it paid.
     * The first household short, in order of reference, is refused.
     */
    static void requireRefundsRecorded(final List<Payment> entries, final Map<String, Long> disputeRefunds,
            final Collection<String> notDelivered) {
        final TreeMap<String, Long> owed = new TreeMap<>(disputeRefunds);
        notDelivered.forEach(h -> owed.merge(h, total(entries, Payment.Kind.PAYMENT, h),
                (a, b) -> Exact.add(a, b, "refunds owed to household " + h)));
        owed.forEach((household, due) -> {
            final long refunded = total(entries, Payment.Kind.REFUND, household);
            ErrorCode.INVALID_STATE.check(refunded >= due, "household %s is owed %d cents in refunds and has had %d; "
                    + "RecordRefund the rest first", household, due, refunded);
        });
    }

    /**
     * The figures of Settle: the leader's fee is what remains of the money collected and the supplier's refunds
     * after the supplier's payments and the refunds, and must be 0 up to the {@linkplain #feeCap fee cap} at the lower of the agreed
     * fee percent and the community's cap now; otherwise the money does not reconcile.
     */
    static Settlement settle(final List<Payment> entries, final long deliveredGoodsCents, final int agreedFeePercent,
            final int capPercentNow) {
        final long collected = total(entries, Payment.Kind.PAYMENT);
        final long supplierPaid = total(entries, Payment.Kind.SUPPLIER_PAYMENT);
        final long refunded = total(entries, Payment.Kind.REFUND);
        final long supplierRefunded = total(entries, Payment.Kind.SUPPLIER_REFUND);
        final long leaderFee = Exact.subtract(Exact.subtract(Exact.add(collected, supplierRefunded,
                "leaderFeeCents"), supplierPaid, "leaderFeeCents"), refunded, "leaderFeeCents");
        final int feePercent = Math.min(agreedFeePercent, capPercentNow);
        final long feeCap = feeCap(deliveredGoodsCents, feePercent);
        ErrorCode.INVALID_STATE.check(leaderFee >= 0 && leaderFee <= feeCap,
                "money does not reconcile: collected %d + supplier refunds %d = supplier %d + refunds %d + leader fee "
                        + "%d, and the fee must be 0-%d (%d%% of %d delivered); record the missing payments or refunds",
                collected, supplierRefunded, supplierPaid, refunded, leaderFee, feeCap, feePercent,
                deliveredGoodsCents);
        return new Settlement(collected, supplierPaid, supplierRefunded, refunded, leaderFee, deliveredGoodsCents,
                feePercent, feeCap);
    }

    /**
     * The most a leader may keep: floor(delivered goods x fee percent / 100), computed as whole hundreds times the
     * percent plus the rest, so that delivered goods up to the largest {@code long} never overflow the product.
     */
    static long feeCap(final long deliveredGoodsCents, final int feePercent) {
        final long hundreds = Exact.multiply(deliveredGoodsCents / 100, feePercent, "feeCapCents");
        return Exact.add(hundreds, deliveredGoodsCents % 100 * feePercent / 100, "feeCapCents");
    }
}
