package org.groupbuy.client.orders;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds the JSON the chaincode takes: public orders (no personal data) and private details apart. */
public final class OrderPayloads {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderPayloads() {
    }

    /** The ordersJson argument of GroupBuy:AddHouseholdOrders: references, lines, salted code hashes. */
    public static String publicOrders(List<HouseholdOrder> orders, Map<String, PickupCode> codes) {
        JsonArray array = new JsonArray();
        for (HouseholdOrder order : orders) {
            JsonObject json = new JsonObject();
            json.addProperty("household", order.household());
            JsonArray lines = new JsonArray();
            order.quantities().forEach((sku, quantity) -> {
                JsonObject line = new JsonObject();
                line.addProperty("sku", sku);
                line.addProperty("quantity", quantity);
                lines.add(line);
            });
            json.add("lines", lines);
            PickupCode code = codes.get(order.household());
            json.addProperty("pickupSalt", code.salt());
            json.addProperty("pickupCodeHash", code.hash());
            json.addProperty("offline", order.offline());
            array.add(json);
        }
        return array.toString();
    }

    /**
     * The transient "details" of GroupBuy:PutHouseholdDetails: {"H-001":{"name","phone","address","salt"}}. The salt
     * (16 bytes of SecureRandom, hex) is stored with the details, so the hash of the stored value that every block
     * carries cannot be confirmed by guessing a name, a phone and an address.
     */
    public static String privateDetails(List<HouseholdOrder> orders) {
        JsonObject details = new JsonObject();
        for (HouseholdOrder order : orders) {
            JsonObject person = new JsonObject();
            person.addProperty("name", order.name());
            person.addProperty("phone", order.phone());
            person.addProperty("address", order.address());
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            person.addProperty("salt", HexFormat.of().formatHex(salt));
            details.add(order.household(), person);
        }
        return details.toString();
    }
}
