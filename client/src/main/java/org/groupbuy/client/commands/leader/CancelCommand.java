package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "cancel", description = "Cancel a group buy before the supplier accepts it.",
        footer = {"%nExample:", "  groupbuy leader cancel GB-7 --reason \"supplier out of stock\" --org leader"})
public final class CancelCommand extends GroupBuyCommand {
    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.cancel(id, reason);
    }
}
