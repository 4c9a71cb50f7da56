package org.groupbuy.client.orders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.groupbuy.client.ledger.GroupBuyLedger;

/** Reads which households a group buy already has, page by page (Audit:ListHouseholdOrders). */
public final class ImportedHouseholds {
    static final int PAGE_SIZE = 200;

    private ImportedHouseholds() {
    }

    /** A household's order as the ledger holds it: the salt and hash of its pickup code. */
    public record LedgerOrder(String household, String pickupSalt, String pickupCodeHash) {
    }

    public static Set<String> read(GroupBuyLedger ledger, String groupBuyId) {
        return new LinkedHashSet<>(orders(ledger, groupBuyId).keySet());
    }

    /** household -> its order's pickup salt and code hash. */
    public static Map<String, LedgerOrder> orders(GroupBuyLedger ledger, String groupBuyId) {
        Map<String, LedgerOrder> households = new LinkedHashMap<>();
        String bookmark = "";
        do {
            String payload = ledger.listHouseholdOrders(groupBuyId, PAGE_SIZE, bookmark).payload();
            JsonObject page = JsonParser.parseString(payload).getAsJsonObject();
            int fetched = 0;
            for (JsonElement record : page.getAsJsonArray("records")) {
                JsonObject order = record.getAsJsonObject();
                String household = order.get("household").getAsString();
                households.put(household, new LedgerOrder(household, text(order, "pickupSalt"),
                        text(order, "pickupCodeHash")));
                fetched++;
            }
            String next = page.has("bookmark") && !page.get("bookmark").isJsonNull() ? page.get("bookmark").getAsString() : "";
            bookmark = fetched < PAGE_SIZE || next.equals(bookmark) ? "" : next;
        } while (!bookmark.isEmpty());
        return households;
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) && !object.get(field).isJsonNull() ? object.get(field).getAsString() : "";
    }
}
