package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
@Command(name = "request-arrival", description = "Ask the committee for an arrival slot at the hand-over point.",
        footer = {"%nExample:", "  groupbuy leader request-arrival GB-7 --slot 2026-04-12T09:00:00Z --org leader"})
public final class RequestArrivalCommand extends GroupBuyCommand {
    @Option(names = "--slot", required = true, paramLabel = "INSTANT", description = "arrival time, ISO-8601 UTC")
    String slot;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.requestArrival(id, slot);
    }
}
