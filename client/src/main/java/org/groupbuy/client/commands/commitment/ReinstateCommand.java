package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "reinstate", description = "Reinstate a SUSPENDED commitment (committee).",
        footer = {"%nExample:", "  groupbuy commitment reinstate CM-supplier1-C1 --org committee"})
public final class ReinstateCommand extends SubmitCommand {
    @Parameters(paramLabel = "COMMITMENT_ID")
    String id;

    @Override
    protected Invocation invocation() {
        return Invocation.of("Commitment:Reinstate", id);
    }
}
