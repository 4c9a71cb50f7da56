package org.groupbuy.client.ledger;

import com.google.gson.JsonObject;

/** Reads optional fields of the chaincode's JSON answers: absent or null is "" or 0. */
final class JsonText {
    private JsonText() {
    }

    static String text(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsString() : "";
    }

    static long number(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsLong() : 0;
    }
}
