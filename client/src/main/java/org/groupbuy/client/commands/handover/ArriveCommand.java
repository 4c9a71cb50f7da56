package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "arrive", description = "Record the goods' arrival at the hand-over point: quantity received per "
        + "sku, staff on duty and their temperature-check hashes (committee or volunteer).",
        footer = {"%nExample:", "  groupbuy volunteer arrive GB-7 '{\"received\":[{\"sku\":\"VEG-BOX\",\"quantity\":38}],"
                + "\"staff\":[{\"staffRef\":\"V-01\",\"temperatureCheckHash\":\"<sha256>\"}],"
                + "\"shortageAgainst\":\"SUPPLIER\"}' --org committee --user volunteer1"})
public final class ArriveCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", paramLabel = "RECEIVED_JSON", description = "inline JSON or @file.json")
    String received;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.arrive(id, JsonArgument.read(received));
    }
}
