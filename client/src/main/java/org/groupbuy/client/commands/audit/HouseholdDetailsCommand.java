package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "details", description = "A household's name, phone and address from the private collection "
        + "(the group buy's leader and the committee of its community only; everyone else is refused).",
        footer = {"%nExample:", "  groupbuy committee details GB-7 H-001 --org committee --user committee1"})
public final class HouseholdDetailsCommand extends QueryCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    String id;

    @Parameters(index = "1", paramLabel = "HOUSEHOLD", description = "the household reference, e.g. H-001")
    String household;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.getHouseholdDetails(id, household);
    }
}
