package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deliver", description = "Hand a household its goods against its pickup code (volunteer; or the "
        + "leader as proxy for a resident who cannot use a phone).",
        footer = {"%nExample:", "  groupbuy volunteer deliver GB-7 H-001 --code 482913 --org committee --user volunteer1"})
public final class DeliverCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Option(names = "--code", required = true, paramLabel = "PICKUP_CODE", description = "the household's 6-digit code")
    String code;

    @Override
    protected Invocation invocation() {
        return Invocation.of("GroupBuy:Deliver", id, household, code);
    }
}
