package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.util.List;

/**
 * Money between the leader and the supplier must be agreed by both sides before Settle counts it. The party that
 * pays records the entry (the leader a supplier payment, the supplier a supplier refund); the party that receives
 * confirms it; the party that recorded it withdraws it if the money never arrived. So neither side can settle on a
 * figure the other never saw, and no unanswered entry blocks Settle for good: its author can always withdraw it.
 */
public final class SupplierMoney {
    private SupplierMoney() {
    }

    /**
     * Before the entry is read: the caller is the side that answers ({@code confirm}: the receiving side, the
     * supplier for a payment and the leader for a refund; otherwise the recording side), while the group buy is
     * between ACCEPTED and COMPLETED.
     */
    public static void requireAnswerer(final GroupBuy gb, final Payment.Kind kind, final boolean confirm,
            final Caller caller) {
        final String action = action(kind, confirm);
        if (kind == Payment.Kind.SUPPLIER_PAYMENT == confirm) {
            gb.requireSupplier(caller, action);
        } else {
            gb.requireLeader(caller, action);
        }
        MoneyPolicy.requireAnswerable(gb.status(), gb.id(), action);
    }

    /** Confirms or withdraws the entry: only an UNCONFIRMED one, once. */
    public static void answer(final Payment entry, final boolean confirm, final Caller caller, final Instant at) {
        entry.answer(confirm ? Confirmation.CONFIRMED : Confirmation.WITHDRAWN, action(entry.kind(), confirm),
                caller, at);
    }

    private static String action(final Payment.Kind kind, final boolean confirm) {
        return (confirm ? "Confirm" : "Withdraw") + (kind == Payment.Kind.SUPPLIER_PAYMENT ? "SupplierPayment"
                : "SupplierRefund");
    }

    /** Settle counts only agreed money: it is refused while a supplier payment or refund awaits its answer. */
    static void requireConfirmed(final List<Payment> entries, final GroupBuy gb) {
        for (final Payment p : entries) {
            if (p.confirmation() != Confirmation.UNCONFIRMED) {
                continue;
            }
            if (p.kind() == Payment.Kind.SUPPLIER_PAYMENT) {
                throw ErrorCode.INVALID_STATE.error("supplier payment %s of %d cents to %s is not confirmed; its "
                        + "supplier %s must ConfirmSupplierPayment it, or the leader WithdrawSupplierPayment it if it "
                        + "was never paid, before Settle", p.txId(), p.amountCents(), gb.id(), gb.supplier());
            }
            throw ErrorCode.INVALID_STATE.error("supplier refund %s of %d cents to %s is not confirmed; its leader %s "
                    + "must ConfirmSupplierRefund it, or the supplier WithdrawSupplierRefund it if it was never paid "
                    + "back, before Settle", p.txId(), p.amountCents(), gb.id(), gb.leader());
        }
    }
}
