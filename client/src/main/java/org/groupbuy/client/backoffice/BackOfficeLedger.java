package org.groupbuy.client.backoffice;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.LedgerSession;

/**
 * Every ledger read of the back office commands (export, slips, stats), in one place: Audit queries
 * through the typed {@link GroupBuyLedger}, their JSON turned into the back office's records.
 * Read-only: nothing here submits a transaction.
 */
public class BackOfficeLedger {
    static final int PAGE_SIZE = 200;
    private final GroupBuyLedger ledger;

    public BackOfficeLedger(GroupBuyLedger ledger) {
        this.ledger = ledger;
    }

    public static BackOfficeLedger of(LedgerSession session) {
        return new BackOfficeLedger(GroupBuyLedger.of(session));
    }

    /** Audit:GetGroupBuy. */
    public GroupBuyFacts groupBuy(String id) {
        JsonObject gb = object(ledger.readGroupBuy(id).payload());
        List<GroupBuyFacts.Item> items = new ArrayList<>();
        for (JsonElement element : array(gb, "items")) {
            JsonObject item = element.getAsJsonObject();
            items.add(new GroupBuyFacts.Item(text(item, "sku"), text(item, "name"), number(item, "unitPriceCents")));
        }
        JsonObject minimum = gb.has("minimum") ? gb.getAsJsonObject("minimum") : new JsonObject();
        Map<String, Long> settlement = new LinkedHashMap<>();
        if (gb.has("settlement") && gb.get("settlement").isJsonObject()) {
            gb.getAsJsonObject("settlement").entrySet()
                    .forEach(e -> settlement.put(e.getKey(), e.getValue().getAsLong()));
        }
        return new GroupBuyFacts(text(gb, "id"), text(gb, "status"), items, number(minimum, "quantity"),
                number(minimum, "amountCents"), settlement);
    }

    /** Audit:ListHouseholdOrders, every page, in the ledger's order. */
    public List<OrderFacts> orders(String id) {
        List<OrderFacts> orders = new ArrayList<>();
        String bookmark = "";
        do {
            JsonObject page = object(ledger.listHouseholdOrders(id, PAGE_SIZE, bookmark).payload());
            int fetched = 0;
            for (JsonElement record : array(page, "records")) {
                orders.add(order(record.getAsJsonObject()));
                fetched++;
            }
            String next = text(page, "bookmark");
            bookmark = fetched < PAGE_SIZE || next.equals(bookmark) ? "" : next;
        } while (!bookmark.isEmpty());
        return orders;
    }

    /** Audit:Trace of the group buy, in the ledger's order. */
    public List<TraceEntry> trace(String id) {
        List<TraceEntry> entries = new ArrayList<>();
        for (JsonElement element : JsonParser.parseString(ledger.trace(id).payload()).getAsJsonArray()) {
            JsonObject record = element.getAsJsonObject();
            Map<String, String> details = new LinkedHashMap<>();
            if (record.has("details") && record.get("details").isJsonObject()) {
                record.getAsJsonObject("details").entrySet()
                        .forEach(e -> details.put(e.getKey(), e.getValue().getAsString()));
            }
            entries.add(new TraceEntry(text(record, "type"), text(record, "id"), text(record, "status"),
                    text(record, "household"), details));
        }
        return entries;
    }

    /** Audit:GetHouseholdDetails (leader or committee only); empty when none were stored. */
    public Optional<HouseholdContact> contact(String id, String household) {
        String payload;
        try {
            payload = ledger.getHouseholdDetails(id, household).payload();
        } catch (LedgerFailure e) {
            if ("NOT_FOUND".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        if (payload.isBlank() || !JsonParser.parseString(payload).isJsonObject()) {
            return Optional.empty();
        }
        JsonObject details = object(payload);
        return details.has("address")
                ? Optional.of(new HouseholdContact(text(details, "name"), text(details, "phone"), text(details, "address")))
                : Optional.empty();
    }

    private static OrderFacts order(JsonObject order) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (JsonElement element : array(order, "lines")) {
            JsonObject line = element.getAsJsonObject();
            lines.merge(text(line, "sku"), number(line, "quantity"), Long::sum);
        }
        boolean offline = order.has("offline") && !order.get("offline").isJsonNull() && order.get("offline").getAsBoolean();
        return new OrderFacts(text(order, "household"), lines, text(order, "status"), number(order, "amountCents"),
                offline, text(order, "pickupSalt"), text(order, "pickupCodeHash"));
    }

    private static JsonObject object(String payload) {
        return JsonParser.parseString(payload).getAsJsonObject();
    }

    private static JsonArray array(JsonObject object, String field) {
        return object.has(field) && object.get(field).isJsonArray() ? object.getAsJsonArray(field) : new JsonArray();
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) && !object.get(field).isJsonNull() ? object.get(field).getAsString() : "";
    }

    private static long number(JsonObject object, String field) {
        return object.has(field) && !object.get(field).isJsonNull() ? object.get(field).getAsLong() : 0;
    }
}
