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

    /** The receiving side confirms: the supplier a supplier payment, the leader a supplier refund. */
    public static void confirm(final GroupBuy gb, final Payment entry, final Caller caller, final Instant at) {
        final String action = entry.kind() == Payment.Kind.SUPPLIER_PAYMENT ? "ConfirmSupplierPayment"
                : "ConfirmSupplierRefund";
        answer(gb, entry, caller, at, action, entry.kind() == Payment.Kind.SUPPLIER_PAYMENT, Confirmation.CONFIRMED);
    }

    /** The recording side withdraws an entry the other side never confirmed: the leader a payment, the supplier a refund. */
    public static void withdraw(final GroupBuy gb, final Payment entry, final Caller caller, final Instant at) {
        final String action = entry.kind() == Payment.Kind.SUPPLIER_PAYMENT ? "WithdrawSupplierPayment"
                : "WithdrawSupplierRefund";
        answer(gb, entry, caller, at, action, entry.kind() == Payment.Kind.SUPPLIER_REFUND, Confirmation.WITHDRAWN);
    }

    private static void answer(final GroupBuy gb, final Payment entry, final Caller caller, final Instant at,
            final String action, final boolean bySupplier, final Confirmation target) {
        if (bySupplier) {
            gb.requireSupplier(caller, action);
        } else {
            gb.requireLeader(caller, action);
        }
        MoneyPolicy.requireAnswerable(gb.status(), gb.id(), action);
        entry.answer(target, action, caller, at);
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
