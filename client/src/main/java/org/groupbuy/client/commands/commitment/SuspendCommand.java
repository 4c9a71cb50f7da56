package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.CommitmentCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "suspend", description = "Suspend an ACTIVE commitment (committee, or regulator).",
        footer = {"%nExample:", "  groupbuy commitment suspend CM-supplier1-C1 --reason \"positive test at warehouse\" "
                + "--org regulator"})
public final class SuspendCommand extends CommitmentCommand {
    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.suspend(id, reason);
    }
}
