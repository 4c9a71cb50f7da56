package org.groupbuy.client.console;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** /parties/MSP/name: a party's record, as Audit:PartyRecord counts it. */
public final class PartyPage {
    private static final Map<String, String> LABELS = Map.of("groupBuys", "Group buys", "completed", "Completed",
            "failedByCause", "Failed, by cause", "shortagesAgainst", "Shortages held against it",
            "disputesUpheld", "Disputes upheld against it", "dispatched", "Dispatched",
            "onTime", "Dispatched by the promised time", "onTimePercent", "On-time rate (%)",
            "activeCommitments", "Active commitments");
    private final ConsoleLedger ledger;

    public PartyPage(ConsoleLedger ledger) {
        this.ledger = ledger;
    }

    public String render(String party) {
        JsonObject record = ledger.partyRecord(party).getAsJsonObject();
        List<List<String>> rows = new ArrayList<>();
        record.entrySet().forEach(e -> {
            if (!e.getKey().equals("party")) {
                rows.add(List.of(Html.text(LABELS.getOrDefault(e.getKey(), e.getKey())), Html.text(e.getValue().isJsonPrimitive()
                        ? e.getValue().getAsString() : shown(e.getValue()))));
            }
        });
        return Html.page("Party " + party, ledger.party(),
                Html.section("record", "Record", Html.table("The party's record on the ledger", List.of("What", "Value"), rows)));
    }

    private static String shown(com.google.gson.JsonElement value) {
        if (value.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            value.getAsJsonArray().forEach(v -> parts.add(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        if (value.isJsonObject()) {
            List<String> parts = new ArrayList<>();
            value.getAsJsonObject().entrySet().forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
        return "";
    }
}
