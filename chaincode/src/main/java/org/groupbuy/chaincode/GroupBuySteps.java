package org.groupbuy.chaincode;

import java.util.List;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.CustodyEvent;
import org.groupbuy.chaincode.domain.GroupBuy;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.groupbuy.chaincode.domain.OrderStatus;
import org.groupbuy.chaincode.domain.Payment;
import org.groupbuy.chaincode.domain.SupplierMoney;
import org.groupbuy.chaincode.ledger.Repo;
import org.groupbuy.chaincode.ledger.Tx;
import org.hyperledger.fabric.contract.Context;

/**
 * The shapes {@link GroupBuyContract}'s transactions share: a step on a loaded group buy, a step on one of its
 * household orders, a money entry, a supplier's or leader's answer to one. Each declares the caller's access first
 * ({@link Tx#of}), loads, lets the domain rule decide, saves and commits one event.
 */
final class GroupBuySteps {
    private GroupBuySteps() {
    }

    /** One step on a loaded group buy; returns the event to emit (its status defaults to the group buy's). */
    interface Step {
        CustodyEvent apply(GroupBuy gb, Tx tx, Repo repo);
    }

    /**
     * Loads the group buy, applies the step, saves it, commits the step's event; responds with the group buy. A step
     * that ends the group buy for its households (SETTLED, FAILED, CANCELLED) purges their personal details.
     */
    static String step(final Context ctx, final Access access, final String id, final Step step) {
        final Tx tx = Tx.of(ctx, access);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final GroupBuyStatus before = gb.status();
        final CustodyEvent event = step.apply(gb, tx, repo);
        repo.save(gb);
        if (gb.status() != before && gb.status().endsForHouseholds()) {
            repo.purgeDetails(gb);
        }
        return tx.commit(event, gb);
    }

    static CustodyEvent event(final Tx tx, final String name, final GroupBuy gb) {
        return event(tx, name, gb, gb.status());
    }

    /** An event in the group buy's trace with the status of the record the step changed. */
    static CustodyEvent event(final Tx tx, final String name, final GroupBuy gb, final Object status) {
        return tx.event("groupbuy", name, gb.id(), status).groupBuy(gb.id());
    }

    /** One step on a household order of a group buy; both are saved. */
    interface OrderStep {
        void apply(GroupBuy gb, HouseholdOrder order, Tx tx);
    }

    static String orderStep(final Context ctx, final Access access, final String id, final String household, final String name,
            final OrderStep step) {
        final Tx tx = Tx.of(ctx, access);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final HouseholdOrder order = repo.order(gb, household);
        step.apply(gb, order, tx);
        repo.save(order);
        final CustodyEvent event = event(tx, name, gb, order.status()).household(order.household());
        order.describeLastStep(event);
        return tx.commit(event, order);
    }

    static String money(final Context ctx, final Access access, final Payment.Kind kind, final String id, final String household,
            final String amountCents, final String refHash, final String eventName) {
        final Tx tx = Tx.of(ctx, access);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final HouseholdOrder order = household == null ? null : repo.order(gb, household);
        final List<Payment> earlier = kind == Payment.Kind.SUPPLIER_REFUND || kind == Payment.Kind.SUPPLIER_PAYMENT
                ? repo.money(gb.id())
                : household == null ? List.of() : repo.money(gb.id(), household);
        final OrderStatus before = order == null ? null : order.status();
        final Payment entry = gb.money(kind, tx.caller(), order, amountCents, refHash, earlier, tx.txId(), tx.txTime());
        repo.save(gb.id(), entry);
        if (order != null && order.status() != before) {
            repo.save(order);
        }
        final CustodyEvent event = event(tx, eventName, gb).household(household)
                .detail("amountCents", entry.amountCents()).evidence(entry.refHash());
        return tx.commit(event, entry);
    }

    /** The receiving side confirms (or the recording side withdraws) a supplier payment or refund: SupplierMoney. */
    static String answer(final Context ctx, final Access access, final Payment.Kind kind, final String id,
            final String paymentId, final boolean confirm, final String eventName) {
        final Tx tx = Tx.of(ctx, access);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        SupplierMoney.requireAnswerer(gb, kind, confirm, tx.caller());
        final Payment entry = repo.supplierEntry(gb.id(), kind, paymentId);
        SupplierMoney.answer(entry, confirm, tx.caller(), tx.txTime());
        repo.save(gb.id(), entry);
        return tx.commit(event(tx, eventName, gb).detail("payment", entry.txId())
                .detail("amountCents", entry.amountCents()), entry);
    }
}
