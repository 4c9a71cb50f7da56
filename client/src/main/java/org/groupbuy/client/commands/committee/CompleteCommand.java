package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "complete", description = "Complete the group buy once every household is DELIVERED, UNDELIVERABLE or REFUNDED.",
        footer = {"%nExample:", "  groupbuy committee complete GB-7 --org committee"})
public final class CompleteCommand extends GroupBuyCommand {

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.complete(id);
    }
}
