package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.output.RecordView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The supplier confirms a payment the leader recorded; until then Settle does not count it. */
@Command(name = "confirm-payment", description = "Confirm that the supplier received a payment the leader recorded "
        + "(GroupBuy:ConfirmSupplierPayment). Settle waits until every supplier payment is confirmed; a payment never "
        + "received is left unconfirmed, and its leader withdraws it.",
        footer = {"%nPAYMENT_ID is the transaction id `leader pay --to-supplier` printed (its txId with --json), "
            + "also in `regulator trace` as SupplierPaymentRecorded.", "%nExample:",
            "  groupbuy supplier confirm-payment GB-7 3f9c...e1 --org supplier --user supplier1"})
public final class ConfirmPaymentCommand extends LedgerCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    String id;

    @Parameters(index = "1", paramLabel = "PAYMENT_ID", description = "the payment: the txId of its RecordSupplierPayment")
    String paymentId;

    @Override
    protected void run(LedgerSession session) {
        Answer answer = GroupBuyLedger.of(session).confirmSupplierPayment(id, paymentId);
        if (json) {
            out().println(answer.payload());
            return;
        }
        out().println("ok: supplier payment " + paymentId + " of " + id + " confirmed (transaction "
                + answer.transactionId() + ")");
        out().print(RecordView.render(answer.payload()));
    }
}
