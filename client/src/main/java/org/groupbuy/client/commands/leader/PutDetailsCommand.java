package org.groupbuy.client.commands.leader;

import java.security.SecureRandom;
import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.HouseholdImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "put-details", description = "Store (or correct) households' names, phones and addresses in the "
        + "private collection; sent as transient data, endorsed only by LeaderMSP and CommitteeMSP.",
        footer = {"%nExample:", "  groupbuy leader put-details --group-buy GB-7 @details.json --org leader",
                "  (details.json: {\"H-001\":{\"name\":\"...\",\"phone\":\"...\",\"address\":\"...\"}})"})
public final class PutDetailsCommand extends LedgerCommand {
    @Option(names = "--group-buy", required = true, paramLabel = "ID")
    String groupBuyId;

    @Parameters(paramLabel = "DETAILS_JSON", description = "inline JSON or @file.json")
    String details;

    @Override
    protected void run(LedgerSession session) throws Exception {
        var parsed = JsonArgument.parse(details);
        if (!parsed.isJsonObject()) {
            throw CliFailure.usage("BAD_JSON", "details must be a JSON object keyed by household reference");
        }
        new HouseholdImport(GroupBuyLedger.of(session), groupBuyId, new SecureRandom()).sendDetails(parsed.toString());
        out().println(json ? "{}" : "stored the details of " + parsed.getAsJsonObject().size()
                + " household(s) of " + groupBuyId + " (private collection)");
    }
}
