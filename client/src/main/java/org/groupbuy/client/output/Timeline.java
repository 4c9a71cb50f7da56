package org.groupbuy.client.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;

/** The trace of a group buy or a household as a table: time, actor, org, what, tx id, evidence. */
public final class Timeline {
    private static final List<String> HEADERS = List.of("TIME", "ACTOR", "ORG", "WHAT", "TX ID", "EVIDENCE");

    private Timeline() {
    }

    public static String render(String payload) {
        JsonElement root = JsonParser.parseString(payload);
        List<JsonElement> steps = JsonFields.array(root, "events", "steps", "entries", "trace", "records")
                .map(a -> a.asList())
                .orElse(List.of());
        TextTable table = new TextTable(HEADERS);
        for (JsonElement step : steps) {
            table.row(row(step.getAsJsonObject()));
        }
        String heading = root.isJsonObject() ? heading(root.getAsJsonObject()) : "";
        return heading + table.render();
    }

    static List<String> row(JsonObject step) {
        String actor = JsonFields.text(step, "actor", "by", "party");
        String org = JsonFields.text(step, "org", "mspId", "actorMsp");
        if (org.isEmpty() && actor.contains("/")) {
            org = actor.substring(0, actor.indexOf('/'));
        }
        if (actor.startsWith(org + "/") && !org.isEmpty()) {
            actor = actor.substring(org.length() + 1);
        }
        String what = JsonFields.text(step, "what", "action", "type", "event", "status");
        String detail = details(JsonFields.element(step, "details", "detail", "note").orElse(null));
        return List.of(
                JsonFields.text(step, "time", "timestamp", "at"),
                actor,
                org,
                detail.isEmpty() ? what : what + ": " + detail,
                JsonFields.text(step, "txId", "transactionId", "tx"),
                shortHashes(JsonFields.element(step, "evidence", "evidenceHashes", "evidenceHash").orElse(null)));
    }

    private static String details(JsonElement details) {
        if (details == null || !details.isJsonObject()) {
            return JsonFields.display(details);
        }
        StringBuilder text = new StringBuilder();
        details.getAsJsonObject().entrySet().forEach(e -> text.append(text.length() == 0 ? "" : " ")
                .append(e.getKey()).append('=').append(JsonFields.display(e.getValue())));
        return text.toString();
    }

    private static String heading(JsonObject root) {
        String id = JsonFields.text(root, "groupBuyId", "id");
        String status = JsonFields.text(root, "status");
        if (id.isEmpty()) {
            return "";
        }
        return "group buy " + id + (status.isEmpty() ? "" : " (" + status + ")") + System.lineSeparator();
    }

    private static String shortHashes(JsonElement evidence) {
        if (evidence == null || evidence.isJsonNull()) {
            return "";
        }
        List<JsonElement> items = evidence.isJsonArray() ? evidence.getAsJsonArray().asList() : List.of(evidence);
        StringBuilder text = new StringBuilder();
        for (JsonElement item : items) {
            String hash = JsonFields.display(item);
            text.append(text.length() == 0 ? "" : " ").append(hash.length() > 12 ? hash.substring(0, 12) : hash);
        }
        return text.toString();
    }
}
