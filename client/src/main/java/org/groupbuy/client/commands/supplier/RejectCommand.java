package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "reject", description = "Reject the submitted order; the group buy FAILS and its orders are to be refunded.",
        footer = {"%nExample:", "  groupbuy supplier reject GB-7 --reason \"eggs sold out\" --org supplier"})
public final class RejectCommand extends GroupBuyCommand {
    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.reject(id, reason);
    }
}
