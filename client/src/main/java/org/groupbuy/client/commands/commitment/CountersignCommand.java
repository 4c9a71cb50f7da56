package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "countersign", description = "Countersign a PENDING commitment: it becomes ACTIVE (committee).",
        footer = {"%nExample:", "  groupbuy commitment countersign CM-leader1-C1 --org committee --user committee1"})
public final class CountersignCommand extends SubmitCommand {
    @Parameters(paramLabel = "COMMITMENT_ID")
    String id;

    @Override
    protected Invocation invocation() {
        return Invocation.of("Commitment:Countersign", id);
    }
}
