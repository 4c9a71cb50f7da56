package org.groupbuy.client.commands;

import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.output.RecordView;

/** A command that submits one transaction through the typed ledger API and shows what the chaincode answered. */
public abstract class SubmitCommand extends LedgerCommand {

    /** Submits this command's transaction (one typed call) and returns the committed answer. */
    protected abstract Answer send(GroupBuyLedger ledger);

    @Override
    protected void run(LedgerSession session) throws Exception {
        GroupBuyLedger ledger = GroupBuyLedger.of(session);
        Answer answer = send(ledger);
        if (json) {
            out().println(answer.payload().isBlank() ? "{}" : answer.payload());
            return;
        }
        long retries = ledger.retries();
        out().println("ok: " + answer.transaction() + " committed (transaction " + answer.transactionId()
                + (retries == 0 ? "" : ", after " + retries + " transient failure(s) retried") + ")");
        out().print(RecordView.render(answer.payload()));
    }
}
