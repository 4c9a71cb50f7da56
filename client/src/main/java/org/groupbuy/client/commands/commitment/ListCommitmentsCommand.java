package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "List the commitments of one community.",
        footer = {"%nExample:", "  groupbuy commitment list C1 --org regulator"})
public final class ListCommitmentsCommand extends QueryCommand {
    @Parameters(paramLabel = "COMMUNITY")
    String community;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.listCommitments(community);
    }
}
