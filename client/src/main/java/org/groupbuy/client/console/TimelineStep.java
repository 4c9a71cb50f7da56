package org.groupbuy.client.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One step of a provenance timeline, from a trace record (or the same record as a chaincode
 * event): what happened, the resulting status, who did it, when, in which transaction and block,
 * and whether it marks an incident or a delay. The page and the live feed show it the same way.
 */
public record TimelineStep(String type, String status, String actor, String org, String time, String txId,
                           OptionalLong block, String details, List<String> evidence, String mark) {

    /** @param shipBy the group buy's promised dispatch time ("" when not accepted yet) */
    public static TimelineStep of(JsonObject record, OptionalLong block, String shipBy) {
        String type = text(record, "type");
        String time = text(record, "time");
        JsonObject details = record.has("details") && record.get("details").isJsonObject()
                ? record.getAsJsonObject("details") : new JsonObject();
        List<String> evidence = new ArrayList<>();
        if (record.has("evidence") && record.get("evidence").isJsonArray()) {
            record.getAsJsonArray("evidence").forEach(e -> evidence.add(e.getAsString()));
        }
        return new TimelineStep(type, text(record, "status"), text(record, "actor"), text(record, "org"), time,
                text(record, "txId"), block, describe(record, details), List.copyOf(evidence),
                mark(type, details, time, shipBy));
    }

    /** "incident", "delay" or "" (nothing to mark). */
    static String mark(String type, JsonObject details, String time, String shipBy) {
        if (type.equals("IncidentReported")) {
            return "DELAY".equals(text(details, "incident")) ? "delay" : "incident";
        }
        if (type.equals("IncidentResolved")) {
            return "incident";
        }
        if (type.equals("GroupBuyDispatched") && later(time, shipBy)) {
            return "delay";
        }
        return "";
    }

    private static boolean later(String time, String shipBy) {
        try {
            return !shipBy.isEmpty() && Instant.parse(time).isAfter(Instant.parse(shipBy));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(JsonObject record, JsonObject details) {
        Map<String, String> shown = new TreeMap<>();
        if (record.has("household") && !record.get("household").isJsonNull()) {
            shown.put("household", record.get("household").getAsString());
        }
        details.entrySet().forEach(e -> shown.put(e.getKey(), e.getValue().isJsonPrimitive()
                ? e.getValue().getAsString() : e.getValue().toString()));
        StringBuilder out = new StringBuilder();
        shown.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return out.toString();
    }

    static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    /** The time as a person reads it: to the second, in UTC ("2026-04-11 07:00:00 UTC"). */
    public String timeText() {
        try {
            return Instant.parse(time).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    .replace('T', ' ').replace("Z", " UTC");
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    public String blockText() {
        return block.isPresent() ? Long.toString(block.getAsLong()) : "pending";
    }

    /** The step as the live feed sends it to the page's script. */
    public JsonObject json() {
        JsonObject out = new JsonObject();
        out.addProperty("type", type);
        out.addProperty("status", status);
        out.addProperty("actor", actor);
        out.addProperty("org", org);
        out.addProperty("time", time);
        out.addProperty("timeText", timeText());
        out.addProperty("txId", txId);
        out.addProperty("block", blockText());
        out.addProperty("details", details);
        JsonArray hashes = new JsonArray();
        evidence.forEach(hashes::add);
        out.add("evidence", hashes);
        out.addProperty("mark", mark);
        return out;
    }

    /** The step as an item of the timeline list; the script builds the same structure for live steps. */
    public String html() {
        StringBuilder out = new StringBuilder("<li class=\"step").append(mark.isEmpty() ? "" : " " + mark)
                .append("\" data-tx=\"").append(Html.text(txId)).append("\"><h3>")
                .append(Html.text(type)).append(status.isEmpty() ? "" : " <span class=\"status\">" + Html.text(status) + "</span>");
        if (!mark.isEmpty()) {
            out.append(" <span class=\"mark\">").append(Html.text(mark)).append("</span>");
        }
        out.append("</h3><dl>");
        out.append("<div class=\"time\"><dt>Time</dt><dd><time datetime=\"").append(Html.text(time)).append("\">")
                .append(Html.text(timeText())).append("</time></dd></div>");
        field(out, "actor", "Actor", actor);
        field(out, "org", "Org", org);
        field(out, "tx", "Transaction", txId);
        field(out, "block", "Block", blockText());
        if (!details.isEmpty()) {
            field(out, "details", "Details", details);
        }
        if (!evidence.isEmpty()) {
            field(out, "evidence", "Evidence", String.join(" ", evidence));
        }
        return out.append("</dl></li>").toString();
    }

    private static void field(StringBuilder out, String cls, String label, String value) {
        out.append("<div class=\"").append(cls).append("\"><dt>").append(label).append("</dt><dd>")
                .append(Html.text(value)).append("</dd></div>");
    }
}
