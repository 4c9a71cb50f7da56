package org.groupbuy.client.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders any chaincode JSON answer for a person: objects as fields, lists as tables. */
public final class RecordView {
    static final String[] LIST_FIELDS = {"records", "items", "results", "entries", "events"};
    private static final int MAX_COLUMNS = 8;

    private RecordView() {
    }

    public static String render(String payload) {
        if (payload == null || payload.isBlank()) {
            return "";
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(payload);
        } catch (JsonSyntaxException e) {
            return payload + System.lineSeparator();
        }
        if (root.isJsonArray()) {
            return table(root.getAsJsonArray().asList());
        }
        if (root.isJsonObject()) {
            JsonObject object = root.getAsJsonObject();
            var page = JsonFields.array(object, LIST_FIELDS);
            if (page.isPresent()) {
                String bookmark = JsonFields.text(object, "bookmark");
                return table(page.get().asList())
                        + (bookmark.isEmpty() ? "" : "next page: --bookmark " + bookmark + System.lineSeparator());
            }
            return fields(object);
        }
        return JsonFields.display(root) + System.lineSeparator();
    }

    static String fields(JsonObject object) {
        int width = object.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonElement> field : object.entrySet()) {
            out.append(String.format("%-" + width + "s  %s%n", field.getKey(), JsonFields.display(field.getValue())));
        }
        return out.toString();
    }

    static String table(List<JsonElement> rows) {
        if (rows.isEmpty()) {
            return "(none)" + System.lineSeparator();
        }
        Set<String> columns = new LinkedHashSet<>();
        for (JsonElement row : rows) {
            if (!row.isJsonObject()) {
                return rows.stream().map(JsonFields::display).reduce("", (a, b) -> a + b + System.lineSeparator());
            }
            row.getAsJsonObject().entrySet().stream()
                    .filter(e -> e.getValue().isJsonPrimitive())
                    .forEach(e -> columns.add(e.getKey()));
        }
        List<String> headers = new ArrayList<>(columns).subList(0, Math.min(columns.size(), MAX_COLUMNS));
        TextTable table = new TextTable(headers);
        for (JsonElement row : rows) {
            table.row(headers.stream().map(h -> JsonFields.text(row.getAsJsonObject(), h)).toList());
        }
        return table.render();
    }
}
