package org.groupbuy.client.console;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** /parties/MSP/name: a party's record, as Audit:PartyRecord counts it. */
public final class PartyPage {
    private final ConsoleLedger ledger;

    public PartyPage(ConsoleLedger ledger) {
        this.ledger = ledger;
    }

    public String render(String party) {
        JsonObject record = ledger.partyRecord(party).getAsJsonObject();
        List<List<String>> rows = new ArrayList<>();
        record.entrySet().forEach(e -> {
            if (!e.getKey().equals("party")) {
                rows.add(List.of(Html.text(e.getKey()), Html.text(e.getValue().isJsonPrimitive()
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
