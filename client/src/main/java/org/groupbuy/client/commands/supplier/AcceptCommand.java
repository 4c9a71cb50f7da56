package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "accept", description = "Accept the submitted aggregate order and promise a ship-by time (the named supplier).",
        footer = {"%nExample:", "  groupbuy supplier accept GB-7 --ship-by 2026-04-11T18:00:00Z --org supplier"})
public final class AcceptCommand extends GroupBuyCommand {
    @Option(names = "--ship-by", required = true, paramLabel = "INSTANT", description = "ISO-8601 UTC, after now")
    String shipBy;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.accept(id, shipBy);
    }
}
