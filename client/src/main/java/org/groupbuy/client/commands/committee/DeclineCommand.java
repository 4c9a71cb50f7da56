package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "decline", description = "Decline a group buy waiting for approval.",
        footer = {"%nExample:", "  groupbuy committee decline GB-7 --reason \"supplier has no hygiene permit\" --org committee"})
public final class DeclineCommand extends GroupBuyCommand {
    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.decline(id, reason);
    }
}
