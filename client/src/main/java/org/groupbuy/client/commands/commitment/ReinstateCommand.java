package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.CommitmentCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "reinstate", description = "Reinstate a SUSPENDED commitment (committee).",
        footer = {"%nExample:", "  groupbuy commitment reinstate CM-supplier1-C1 --org committee"})
public final class ReinstateCommand extends CommitmentCommand {
    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.reinstate(id);
    }
}
