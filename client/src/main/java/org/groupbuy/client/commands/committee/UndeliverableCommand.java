package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
@Command(name = "undeliverable", description = "Mark a household's order undeliverable.",
        footer = {"%nExample:", "  groupbuy committee undeliverable GB-7 H-009 --reason \"household moved to quarantine hotel\" --org committee"})
public final class UndeliverableCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.markUndeliverable(id, household, reason);
    }
}
