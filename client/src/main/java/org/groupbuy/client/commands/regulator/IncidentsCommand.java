package org.groupbuy.client.commands.regulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.output.JsonFields;
import org.groupbuy.client.output.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "incident", description = "The incidents of a group buy (reports and resolutions) from its trace; "
        + "read-only.",
        footer = {"%nExample:", "  groupbuy regulator incident GB-7 --org regulator"})
public final class IncidentsCommand extends LedgerCommand {
    @Parameters(paramLabel = "GROUP_BUY_ID")
    String id;

    @Override
    protected void run(LedgerSession session) throws Exception {
        String trace = GroupBuyLedger.of(session).trace(id).payload();
        JsonArray incidents = new JsonArray();
        for (JsonElement step : JsonFields.array(JsonParser.parseString(trace), "events", "records").orElse(new JsonArray())) {
            if (step.isJsonObject() && JsonFields.text(step.getAsJsonObject(), "type").toUpperCase().contains("INCIDENT")) {
                incidents.add(step);
            }
        }
        out().print(json ? incidents + System.lineSeparator() : Timeline.render(incidents.toString()));
    }
}
