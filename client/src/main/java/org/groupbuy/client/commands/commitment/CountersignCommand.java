package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.CommitmentCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "countersign", description = "Countersign a PENDING commitment: it becomes ACTIVE (committee).",
        footer = {"%nExample:", "  groupbuy commitment countersign CM-leader1-C1 --org committee --user committee1"})
public final class CountersignCommand extends CommitmentCommand {
    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.countersign(id);
    }
}
