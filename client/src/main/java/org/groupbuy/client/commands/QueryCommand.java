package org.groupbuy.client.commands;

import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.output.RecordView;

/** A read-only command: evaluates one query (one typed call) on the own org's peer and shows the answer. */
public abstract class QueryCommand extends LedgerCommand {

    /** Evaluates this command's query and returns the answer. */
    protected abstract Answer send(GroupBuyLedger ledger);

    /** Human-readable form of the answer; a field list or a table unless a command knows better. */
    protected String render(String payload) {
        return RecordView.render(payload);
    }

    @Override
    protected void run(LedgerSession session) throws Exception {
        Answer answer = send(GroupBuyLedger.of(session));
        if (json) {
            out().println(answer.payload());
        } else {
            out().print(render(answer.payload()));
        }
    }
}
