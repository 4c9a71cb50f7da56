package org.groupbuy.chaincode.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** One campaign by one leader with one supplier: the lifecycle rules live here. */
public final class GroupBuy {
    /**
     * After cutoff, only the group buy's leader and its community's committee may close it for this long; then
     * anyone may. The transaction time is the client's, which the peers let stray by their proposal time window
     * (5 minutes, docs/operations.md): the grace is far beyond it, so nobody else can close a group buy at its
     * cutoff (and make it FAILED below the minimum) by stamping a later time.
     */
    static final Duration CLOSE_GRACE = Duration.ofHours(1);

    private static final String KIND = "group buy";
    /**
     * Orders per AddHouseholdOrders: 500 (was 200) halves an import's transactions, and with them the
     * signatures, endorsements and ordering that each one costs whatever its size (docs/performance.md).
     */
    private static final int MAX_BATCH = 500;
    /** Orders one Close may read and total in its one transaction: docs/performance.md, "Orders per group buy". */
    static final int MAX_ORDERS = 5000;
    private static final int MAX_ITEMS = 100;

    // Fields without "private" are changed by the rules of Transport and HandOver too (same record, other stretch).
    String id;
    String community;
    String supplier;
    List<Item> items;
    private Minimum minimum;
    private String cutoff;
    String handoverPoint;
    private Integer leaderFeePercent;
    @Computed String leader;
    @Computed GroupBuyStatus status;
    @Computed private Category priority;
    @Computed String courier;
    @Computed private String openedAt;
    @Computed private String shipBy;
    @Computed String dispatchedAt;
    @Computed String arrivedAt;
    @Computed String restUntil;
    @Computed GroupBuyStatus quarantinedFrom;
    @Computed String failureCause;
    @Computed private String reason;
    @Computed private Integer households;
    @Computed TreeMap<String, Long> ordered;
    @Computed private Long orderedAmountCents;
    @Computed private String closedAt;
    @Computed TreeMap<String, Long> packed;
    @Computed private List<Lot> lots;
    @Computed Dispatch dispatch;
    @Computed TreeMap<String, Long> received;
    @Computed TreeMap<String, Long> shortages;
    @Computed String shortageAgainst;
    @Computed TreeMap<String, List<String>> unserved;
    @Computed String arrivalSlot;
    @Computed Boolean arrivalApproved;
    @Computed String disinfection;
    @Computed private Settlement settlement;
    @Computed String updatedAt;

    // ---- opening ---------------------------------------------------------------------------------------

    /** Opens: the leader of the community proposes; PENDING_APPROVAL when the community requires approval. */
    public void open(final Caller caller, final Community cm, final Instant at) {
        caller.requireIn(community, "Open", Role.LEADER);
        Args.id(id, "group buy id");
        Args.party(supplier, "supplier");
        ErrorCode.INVALID_ARGUMENT.check(Role.SUPPLIER.isParty(supplier),
                "supplier %s must be a party of an approved supplier org (%s)", supplier, Role.SUPPLIER.mspNames());
        ErrorCode.INVALID_ARGUMENT.check(items != null && !items.isEmpty() && items.size() <= MAX_ITEMS,
                "items: list 1-%d items", MAX_ITEMS);
        final TreeSet<String> skus = new TreeSet<>();
        for (final Item item : items) {
            item.check(skus);
        }
        Args.present(minimum, "minimum").check();
        ErrorCode.INVALID_ARGUMENT.check(Args.instant(cutoff, "cutoff").isAfter(at), "cutoff %s is not in the future",
                cutoff);
        cm.requireHandoverPoint(Args.id(handoverPoint, "handoverPoint"));
        MoneyPolicy.requireFeeWithinCap(Args.present(leaderFeePercent, "leaderFeePercent"), cm.maxLeaderFeePercent(),
                community);
        leader = caller.party();
        priority = items.stream().anyMatch(i -> i.category() == Category.GUARANTEE) ? Category.GUARANTEE
                : Category.IMPROVEMENT;
        status = cm.approvalRequired() ? GroupBuyStatus.PENDING_APPROVAL : GroupBuyStatus.OPEN;
        openedAt = at.toString();
        updatedAt = openedAt;
    }

    public void approve(final Caller caller, final Instant at) {
        caller.requireIn(community, "Approve", Role.COMMITTEE);
        move(GroupBuyStatus.OPEN, "Approve", at);
    }

    public void decline(final Caller caller, final String why, final Instant at) {
        caller.requireIn(community, "Decline", Role.COMMITTEE);
        reason = Args.text(why, "reason", 500);
        move(GroupBuyStatus.DECLINED, "Decline", at);
    }

    // ---- household orders ------------------------------------------------------------------------------

    /**
     * Adds a batch of up to 500 orders while OPEN and before cutoff; returns the {@link OrderBatch} to store.
     * {@code withOrders} answers which of the batch's households already have an order, all at once.
     */
    public OrderBatch addOrders(final Caller caller, final List<HouseholdOrder> batch,
            final Function<List<String>, Set<String>> withOrders, final Instant at) {
        requireLeader(caller, "AddHouseholdOrders");
        require("AddHouseholdOrders", GroupBuyStatus.OPEN);
        requireBeforeCutoff(at);
        ErrorCode.INVALID_ARGUMENT.check(!batch.isEmpty() && batch.size() <= MAX_BATCH,
                "ordersJson must hold 1-%d orders, got %d", MAX_BATCH, batch.size());
        final TreeSet<String> seen = new TreeSet<>();
        final List<String> households = new ArrayList<>();
        for (final HouseholdOrder order : batch) {
            order.join(this, at);
            ErrorCode.CONFLICT.check(seen.add(order.household()), ALREADY_ORDERED, order.household(), id);
            households.add(order.household());
        }
        final Set<String> taken = withOrders.apply(households);
        for (final String household : households) {
            ErrorCode.CONFLICT.check(!taken.contains(household), ALREADY_ORDERED, household, id);
        }
        return OrderBatch.of(id, batch);
    }

    private static final String ALREADY_ORDERED =
            "household %s already has an order in %s; cancel it first or use another reference";

    /** Personal details may be written by the group buy's leader or its community's committee. */
    public void requireDetailsAccess(final Caller caller, final String action) {
        caller.require(caller.party().equals(leader) || caller.actsFor(community, Role.COMMITTEE), action,
                "the leader of " + id + " or the committee of " + community);
    }

    /** Personal details are stored only while the group buy lives: the step that ends it purges them. */
    public void requireDetailsWritable() {
        ErrorCode.INVALID_STATE.check(!status.endsForHouseholds(), "group buy %s is %s; its households' details were "
                + "purged and are not stored again", id, status);
    }

    public void cancelOrder(final Caller caller, final HouseholdOrder order, final Instant at) {
        requireLeader(caller, "CancelHouseholdOrder");
        require("CancelHouseholdOrder", GroupBuyStatus.OPEN);
        order.move(OrderStatus.CANCELLED, "CancelHouseholdOrder", at);
    }

    /**
     * Closes: totals by item over the orders; below the supplier's minimum FAILED (everything paid is due
     * back), else SUBMITTED, and from that moment every order still JOINED is CONFIRMED ({@link #confirmedAtClose}).
     * The orders are read, never written: each order key carries a key-level policy, and a Close that rewrote a
     * thousand of them made every peer spend seconds validating its block.
     */
    public void close(final Caller caller, final List<HouseholdOrder> orders, final Instant at) {
        final Instant cut = Instant.parse(cutoff);
        final Instant open = cut.plus(CLOSE_GRACE);
        final boolean committee = caller.actsFor(community, Role.COMMITTEE) && !at.isBefore(cut);
        caller.require(caller.party().equals(leader) || committee || !at.isBefore(open),
                "Close of " + id + " before " + open + " (cutoff " + cutoff + " + " + CLOSE_GRACE.toMinutes() + " min)",
                "its leader " + leader + ", and from cutoff the committee of " + community);
        require("Close", GroupBuyStatus.OPEN);
        final List<HouseholdOrder> live = orders.stream().filter(o -> o.status() != OrderStatus.CANCELLED).toList();
        ErrorCode.INVALID_STATE.check(live.size() <= MAX_ORDERS, "group buy %s has %d orders; one Close reads and "
                + "totals at most %d in one transaction: CancelHouseholdOrder the %d beyond that and open another group "
                + "buy for them", id, live.size(), MAX_ORDERS, live.size() - MAX_ORDERS);
        ordered = new TreeMap<>();
        live.forEach(o -> o.lines().forEach(l -> ordered.merge(l.sku(), l.quantity(),
                (a, b) -> Exact.add(a, b, "ordered quantity of " + l.sku()))));
        households = live.size();
        orderedAmountCents = MoneyPolicy.amountOf(live, "orderedAmountCents");
        final long quantity = Exact.sum(ordered.values(), Long::longValue, "ordered quantity");
        if (live.isEmpty() || !minimum.metBy(quantity, orderedAmountCents)) {
            failureCause = "BELOW_MINIMUM";
            move(GroupBuyStatus.FAILED, "Close", at);
            return;
        }
        move(GroupBuyStatus.SUBMITTED, "Close", at);
        closedAt = at.toString();
    }

    /**
     * {@code order} as the group buy's Close left it: an order still JOINED on the ledger after a Close that
     * submitted the group buy is CONFIRMED since that Close. Every read of an order of this group buy goes through
     * here, so a step sees (and, when it saves the order, writes) the confirmed state.
     */
    public HouseholdOrder confirmedAtClose(final HouseholdOrder order) {
        if (closedAt != null && order.status() == OrderStatus.JOINED) {
            order.move(OrderStatus.CONFIRMED, "Close", Instant.parse(closedAt));
        }
        return order;
    }

    public void cancel(final Caller caller, final String why, final Instant at) {
        requireLeader(caller, "Cancel");
        reason = Args.text(why, "reason", 500);
        failureCause = "CANCELLED_BY_LEADER";
        move(GroupBuyStatus.CANCELLED, "Cancel", at);
    }

    // ---- supplier --------------------------------------------------------------------------------------

    public void accept(final Caller caller, final String shipByArg, final Instant at) {
        requireSupplier(caller, "Accept");
        final Instant by = Args.instant(shipByArg, "shipBy");
        ErrorCode.INVALID_ARGUMENT.check(by.isAfter(at), "shipBy %s must be in the future", shipByArg);
        move(GroupBuyStatus.ACCEPTED, "Accept", at);
        shipBy = by.toString();
    }

    public void reject(final Caller caller, final String why, final Instant at) {
        requireSupplier(caller, "Reject");
        require("Reject", GroupBuyStatus.SUBMITTED);
        reason = Args.text(why, "reason", 500);
        failureCause = "SUPPLIER_REJECTED";
        move(GroupBuyStatus.FAILED, "Reject", at);
    }

    /** Records lots per sku and evidence; returns the evidence hashes. */
    public List<String> pack(final Caller caller, final PackList list, final Instant at) {
        requireSupplier(caller, "Pack");
        require("Pack", GroupBuyStatus.ACCEPTED);
        packed = Args.present(list, "packJson").check(this::item);
        lots = List.copyOf(list.lots());
        move(GroupBuyStatus.PACKED, "Pack", at);
        return list.evidence();
    }

    /** The rules from dispatch to the hand-over point. */
    public Transport transport() {
        return new Transport(this);
    }

    /** The rules at the hand-over point: arrival slots, arrival, disinfection, delivery, completion. */
    public HandOver handOver() {
        return new HandOver(this);
    }

    /** What the supplier is paid for: what was ordered until it packs, then packed; what arrived if short by its fault. */
    long suppliedGoodsCents() {
        final TreeMap<String, Long> goods = received != null && "SUPPLIER".equals(shortageAgainst) ? received : packed;
        return goods != null ? MoneyPolicy.valueOf(items, goods) : orderedAmountCents == null ? 0 : orderedAmountCents;
    }

    // ---- money -----------------------------------------------------------------------------------------

    /**
     * A household payment, supplier payment, refund or supplier refund, each a key of its own. {@code
     * householdEntries} are the household's earlier payments and refunds (for its limits) or, for a supplier
     * payment or refund, all the group buy's entries (for their limits: supplied goods, paid and not paid back). Returns the entry and, when a
     * refund settles what is due on an order that gets nothing, moves the order to REFUNDED.
     */
    public Payment money(final Payment.Kind kind, final Caller caller, final HouseholdOrder order,
            final String amountArg, final String refHash, final List<Payment> householdEntries, final String txId,
            final Instant at) {
        if (kind == Payment.Kind.SUPPLIER_REFUND) {
            requireSupplier(caller, "RecordSupplierRefund");
        } else {
            requireLeader(caller, kind == Payment.Kind.REFUND ? "RecordRefund" : "Record payment");
        }
        final long amount = Args.amount(amountArg, "amountCents", 1);
        final Payment entry = Payment.of(kind, this, order == null ? null : order.household(), amount, refHash,
                caller, txId, at);
        MoneyPolicy.requireRecordable(kind, status, id);
        switch (kind) {
            case PAYMENT -> {
                MoneyPolicy.requireOrderTakesPayment(order.status(), order.household());
                MoneyPolicy.requirePaymentWithinOrder(amount, householdEntries, order.amountCents(),
                        leaderFeePercent, order.household());
            }
            case SUPPLIER_PAYMENT -> MoneyPolicy.requireSupplierPaymentWithinGoods(amount, householdEntries,
                    suppliedGoodsCents(), id);
            case SUPPLIER_REFUND -> MoneyPolicy.requireSupplierRefundWithinPaid(amount, householdEntries, id);
            case REFUND -> {
                final boolean inFull = MoneyPolicy.refundsInFull(amount, householdEntries, order.household());
                if (MoneyPolicy.refundEndsOrder(inFull, status, order.status()) && order.canBeRefunded()) {
                    order.move(OrderStatus.REFUNDED, "RecordRefund", at);
                }
            }
            default -> {
            }
        }
        return entry;
    }

    /**
     * Settles when the money reconciles (MoneyPolicy#settle), every refund owed is recorded, no dispute is open and
     * every supplier payment and refund is confirmed by the side that received it (SupplierMoney).
     */
    public void settle(final Caller caller, final Community cm, final List<HouseholdOrder> orders,
            final List<Payment> entries, final List<Dispute> disputes, final Instant at) {
        requireLeaderOrCommittee(caller, "Settle");
        require("Settle", GroupBuyStatus.COMPLETED);
        final TreeMap<String, Long> disputeRefunds = MoneyPolicy.disputeRefunds(disputes);
        final List<HouseholdOrder> delivered = orders.stream().filter(o -> o.status() == OrderStatus.DELIVERED)
                .toList();
        final List<String> notDelivered = orders.stream().filter(o -> o.status() != OrderStatus.DELIVERED)
                .map(HouseholdOrder::household).toList();
        MoneyPolicy.requireRefundsRecorded(entries, disputeRefunds, notDelivered);
        SupplierMoney.requireConfirmed(entries, this);
        MoneyPolicy.requireSupplierNotOverpaid(entries, suppliedGoodsCents(), id);
        settlement = MoneyPolicy.settle(entries, MoneyPolicy.amountOf(delivered, "deliveredGoodsCents"),
                leaderFeePercent, cm.maxLeaderFeePercent());
        move(GroupBuyStatus.SETTLED, "Settle", at);
    }

    // ---- disputes --------------------------------------------------------------------------------------

    /** The party behind a role in this group buy. */
    public String party(final Dispute.Responsible who) {
        return switch (who) {
            case LEADER -> leader;
            case SUPPLIER -> supplier;
            case COURIER -> courier;
        };
    }

    // ---- shared checks ---------------------------------------------------------------------------------

    void move(final GroupBuyStatus target, final String action, final Instant at) {
        status.guard(KIND, id, target, action);
        status = target;
        updatedAt = at.toString();
    }

    void require(final String action, final GroupBuyStatus... allowed) {
        status.requireIn(KIND, id, action, List.of(allowed));
    }

    void requireLeader(final Caller caller, final String action) {
        caller.require(caller.party().equals(leader), action, "the leader of " + id + " (" + leader + ")");
    }

    void requireSupplier(final Caller caller, final String action) {
        caller.require(caller.party().equals(supplier), action, "the supplier of " + id + " (" + supplier + ")");
    }

    void requireLeaderOrCommittee(final Caller caller, final String action) {
        caller.require(caller.party().equals(leader) || caller.actsFor(community, Role.COMMITTEE), action,
                "the leader of " + id + " or the committee of " + community);
    }

    private void requireBeforeCutoff(final Instant at) {
        if (!at.isBefore(Instant.parse(cutoff))) {
            throw ErrorCode.EXPIRED.error("cutoff of %s passed at %s; Close it", id, cutoff);
        }
    }

    Item item(final String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).findFirst().orElseThrow(
                () -> ErrorCode.INVALID_ARGUMENT.error("sku %s is not an item of group buy %s", sku, id));
    }

    public String id() {
        return id;
    }

    public String community() {
        return community;
    }

    public String leader() {
        return leader;
    }

    public String supplier() {
        return supplier;
    }

    public String courier() {
        return courier;
    }

    public GroupBuyStatus status() {
        return status;
    }

    public Category priority() {
        return priority;
    }

    public String handoverPoint() {
        return handoverPoint;
    }

    public String arrivalSlot() {
        return arrivalSlot;
    }

    public String failureCause() {
        return failureCause;
    }

    public String shipBy() {
        return shipBy;
    }

    public String dispatchedAt() {
        return dispatchedAt;
    }

    public String shortageAgainst() {
        return shortageAgainst;
    }

    public TreeMap<String, Long> received() {
        return received == null ? new TreeMap<>() : received;
    }
}
