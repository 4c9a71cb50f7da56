package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one commitment: party, obligations, credentials, status.",
        footer = {"%nExample:", "  groupbuy commitment show CM-leader1-C1 --org committee"})
public final class ShowCommitmentCommand extends QueryCommand {
    @Parameters(paramLabel = "COMMITMENT_ID")
    String id;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.readCommitment(id);
    }
}
