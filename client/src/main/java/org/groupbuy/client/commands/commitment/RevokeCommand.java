package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.CommitmentCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revoke", description = "Revoke a commitment for good (committee).",
        footer = {"%nExample:", "  groupbuy commitment revoke CM-courier1-C1 --reason \"transport pass withdrawn\" "
                + "--org committee"})
public final class RevokeCommand extends CommitmentCommand {
    @Option(names = "--reason", required = true, description = "why, in words")
    String reason;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.revoke(id, reason);
    }
}
