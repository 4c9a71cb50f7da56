package org.groupbuy.client.orders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashSet;
import java.util.Set;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.EvaluateFailure;
import org.groupbuy.client.ledger.Invocation;

/** Reads which households a group buy already has, page by page (Audit:ListHouseholdOrders). */
public final class ImportedHouseholds {
    static final int PAGE_SIZE = 200;

    private ImportedHouseholds() {
    }

    public static Set<String> read(Chaincode chaincode, String groupBuyId) throws EvaluateFailure {
        Set<String> households = new LinkedHashSet<>();
        String bookmark = "";
        do {
            String payload = chaincode.evaluate(Invocation.of("Audit:ListHouseholdOrders", groupBuyId,
                    Integer.toString(PAGE_SIZE), bookmark)).payload();
            JsonObject page = JsonParser.parseString(payload).getAsJsonObject();
            int fetched = 0;
            for (JsonElement record : page.getAsJsonArray("records")) {
                households.add(record.getAsJsonObject().get("household").getAsString());
                fetched++;
            }
            String next = page.has("bookmark") && !page.get("bookmark").isJsonNull() ? page.get("bookmark").getAsString() : "";
            bookmark = fetched < PAGE_SIZE || next.equals(bookmark) ? "" : next;
        } while (!bookmark.isEmpty());
        return households;
    }
}
