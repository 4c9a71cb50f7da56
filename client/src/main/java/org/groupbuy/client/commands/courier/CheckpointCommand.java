package org.groupbuy.client.commands.courier;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "checkpoint", description = "Record a checkpoint on the way (free text, no personal data).",
        footer = {"%nExample:", "  groupbuy courier checkpoint GB-7 --place \"Xupu bridge checkpoint\" --note \"pass checked\" --org courier"})
public final class CheckpointCommand extends GroupBuyCommand {
    @Option(names = "--place", required = true)
    String place;

    @Option(names = "--note", defaultValue = "")
    String note;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.checkpoint(id, place, note);
    }
}
