package org.groupbuy.client.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Lenient reading of chaincode JSON: first present field among aliases, as display text. */
public final class JsonFields {
    private JsonFields() {
    }

    public static String text(JsonObject object, String... names) {
        return element(object, names).map(JsonFields::display).orElse("");
    }

    public static Optional<JsonElement> element(JsonObject object, String... names) {
        for (String name : names) {
            if (object.has(name) && !object.get(name).isJsonNull()) {
                return Optional.of(object.get(name));
            }
        }
        return Optional.empty();
    }

    /** The first array among the named fields, or the element itself when it is an array. */
    public static Optional<JsonArray> array(JsonElement element, String... names) {
        if (element.isJsonArray()) {
            return Optional.of(element.getAsJsonArray());
        }
        if (!element.isJsonObject()) {
            return Optional.empty();
        }
        return element(element.getAsJsonObject(), names).filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
    }

    public static String display(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        if (value.isJsonArray() && value.getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonPrimitive)) {
            StringBuilder text = new StringBuilder();
            for (JsonElement item : value.getAsJsonArray()) {
                text.append(text.length() == 0 ? "" : ", ").append(item.getAsString());
            }
            return text.toString();
        }
        return value.toString();
    }
}
