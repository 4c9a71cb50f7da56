package org.groupbuy.client.orders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The items of a group buy (sku and maximum per household), when the group buy could be read. */
public record ItemCatalog(Optional<Map<String, Integer>> maxPerHousehold) {

    public static final ItemCatalog UNKNOWN = new ItemCatalog(Optional.empty());

    /** Reads the items of a group buy JSON from Audit:GetGroupBuy. */
    public static ItemCatalog fromGroupBuy(String groupBuyJson) {
        JsonObject groupBuy = JsonParser.parseString(groupBuyJson).getAsJsonObject();
        Map<String, Integer> items = new LinkedHashMap<>();
        if (groupBuy.has("items")) {
            for (JsonElement item : groupBuy.getAsJsonArray("items")) {
                JsonObject object = item.getAsJsonObject();
                int max = object.has("maxPerHousehold") ? object.get("maxPerHousehold").getAsInt() : Integer.MAX_VALUE;
                items.put(object.get("sku").getAsString(), max);
            }
        }
        return new ItemCatalog(Optional.of(items));
    }

    boolean knows(String sku) {
        return maxPerHousehold.map(items -> items.containsKey(sku)).orElse(true);
    }

    int limit(String sku) {
        return maxPerHousehold.map(items -> items.getOrDefault(sku, Integer.MAX_VALUE)).orElse(Integer.MAX_VALUE);
    }

    String skus() {
        return maxPerHousehold.map(items -> String.join(", ", items.keySet())).orElse("?");
    }
}
