package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
@Command(name = "cancel-order", description = "Cancel one household's order before the group buy closes.",
        footer = {"%nExample:", "  groupbuy leader cancel-order GB-7 H-001 --org leader"})
public final class CancelOrderCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.cancelHouseholdOrder(id, household);
    }
}
