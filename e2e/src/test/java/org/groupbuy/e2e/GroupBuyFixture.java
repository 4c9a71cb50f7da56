package org.groupbuy.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.orders.PickupCode;

/**
 * A small GUARANTEE group buy in C3 (rice at 35.00, at most 2 per household), opened by leader3 and
 * approved by committee3, with households whose pickup codes the test knows.
 */
public final class GroupBuyFixture {
    public static final long RICE_CENTS = 3500;
    public final String id;
    private final Map<String, PickupCode> codes = new LinkedHashMap<>();

    private GroupBuyFixture(String id) {
        this.id = id;
    }

    /** Opens (and, unless told otherwise, approves) a new group buy. */
    public static GroupBuyFixture open(String what, boolean approve) {
        TestCommunity.ready();
        GroupBuyFixture gb = new GroupBuyFixture(TestCommunity.newGroupBuyId(what));
        TestCommunity.leader().submit(Transaction.OPEN, gb.openJson());
        if (approve) {
            TestCommunity.committee().submit(Transaction.APPROVE, gb.id);
        }
        return gb;
    }

    /** A fixture whose group buy is not opened (for calls that must be refused). */
    public static GroupBuyFixture unopened(String what) {
        return new GroupBuyFixture(TestCommunity.newGroupBuyId(what));
    }

    public String openJson() {
        return "{\"id\":\"" + id + "\",\"community\":\"" + TestCommunity.ID + "\",\"supplier\":\"" + TestCommunity.SUPPLIER
                + "\",\"items\":[{\"sku\":\"RICE-5KG\",\"name\":\"Rice 5 kg\",\"category\":\"GUARANTEE\","
                + "\"unitPriceCents\":" + RICE_CENTS + ",\"maxPerHousehold\":2}],"
                + "\"minimum\":{\"quantity\":2,\"amountCents\":0},\"cutoff\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"handoverPoint\":\"HP1\",\"leaderFeePercent\":3}";
    }

    /** Orders JSON for households -> quantity of rice; remembers a fresh pickup code for each. */
    public String orders(Map<String, Integer> riceByHousehold) {
        JsonArray orders = new JsonArray();
        riceByHousehold.forEach((household, quantity) -> {
            PickupCode code = new PickupCode(TestCommunity.sha256(id + household).substring(0, 16),
                    String.format("%06d", Math.floorMod((id + household).hashCode(), 1_000_000)));
            codes.put(household, code);
            JsonObject line = new JsonObject();
            line.addProperty("sku", "RICE-5KG");
            line.addProperty("quantity", quantity);
            JsonArray lines = new JsonArray();
            lines.add(line);
            JsonObject order = new JsonObject();
            order.addProperty("household", household);
            order.add("lines", lines);
            order.addProperty("pickupSalt", code.salt());
            order.addProperty("pickupCodeHash", code.hash());
            order.addProperty("offline", false);
            orders.add(order);
        });
        return orders.toString();
    }

    public String code(String household) {
        return codes.get(household).code();
    }

    public JsonObject read() {
        return TestCommunity.regulator().evaluate(Transaction.GET_GROUP_BUY, id).getAsJsonObject();
    }

    public String status() {
        return read().get("status").getAsString();
    }

    /** household -> order JSON, as the public ledger holds it. */
    public Map<String, JsonObject> orders() {
        JsonObject page = TestCommunity.regulator().evaluate(Transaction.LIST_HOUSEHOLD_ORDERS, id, "200", "")
                .getAsJsonObject();
        Map<String, JsonObject> byHousehold = new LinkedHashMap<>();
        page.getAsJsonArray("records").forEach(o -> byHousehold.put(o.getAsJsonObject().get("household").getAsString(),
                o.getAsJsonObject()));
        return byHousehold;
    }

    public static String hash(String text) {
        return TestCommunity.sha256(text);
    }
}
