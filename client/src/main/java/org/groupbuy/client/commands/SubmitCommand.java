package org.groupbuy.client.commands;

import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.output.RecordView;

/** A command that submits one transaction and shows what the chaincode answered. */
public abstract class SubmitCommand extends LedgerCommand {

    /** The transaction and arguments this command sends. */
    protected abstract Invocation invocation();

    @Override
    protected void run(LedgerSession session) throws Exception {
        Invocation invocation = invocation();
        Answer answer = session.chaincode().submit(invocation);
        if (json) {
            out().println(answer.payload().isBlank() ? "{}" : answer.payload());
            return;
        }
        long retries = session.chaincode().retries();
        out().println("ok: " + invocation.transaction() + " committed (transaction " + answer.transactionId()
                + (retries == 0 ? "" : ", after " + retries + " transient failure(s) retried") + ")");
        out().print(RecordView.render(answer.payload()));
    }
}
