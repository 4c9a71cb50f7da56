package org.groupbuy.client.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * /group-buys/ID: status, items, money, households, lots, the provenance timeline (live) and the
 * evidence with its "verify a file" control.
 */
public final class GroupBuyPage {
    private final ConsoleLedger ledger;

    public GroupBuyPage(ConsoleLedger ledger) {
        this.ledger = ledger;
    }

    public String render(String id) {
        JsonObject gb = ledger.groupBuy(id).getAsJsonObject();
        List<JsonObject> records = new ArrayList<>();
        ledger.trace(id).getAsJsonArray().forEach(r -> records.add(r.getAsJsonObject()));
        String shipBy = TimelineStep.text(gb, "shipBy");
        List<TimelineStep> steps = records.stream()
                .map(r -> TimelineStep.of(r, ledger.blockOf(TimelineStep.text(r, "txId")), shipBy)).toList();
        String body = status(gb) + Html.section("items", "Items", items(gb))
                + Html.section("money", "Money", MoneySummary.of(gb, records).html())
                + Html.section("households", "Households", households(id))
                + Html.section("lots", "Lots", lots(gb))
                + Html.section("timeline-section", "Provenance timeline", timeline(id, steps))
                + Html.section("evidence", "Evidence", evidence(steps));
        return Html.page("Group buy " + id, ledger.party(), body);
    }

    private static String status(JsonObject gb) {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">");
        fact(out, "Status", "<span id=\"gb-status\">" + Html.text(TimelineStep.text(gb, "status")) + "</span>");
        fact(out, "Community", Html.link("/communities/" + TimelineStep.text(gb, "community"), TimelineStep.text(gb, "community")));
        for (String party : List.of("leader", "supplier", "courier")) {
            String who = TimelineStep.text(gb, party);
            if (!who.isEmpty()) {
                fact(out, party.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + party.substring(1),
                        Html.link("/parties/" + who, who));
            }
        }
        for (String[] f : new String[][] {{"priority", "Priority"}, {"cutoff", "Order cutoff"}, {"shipBy", "Ship by"},
                {"handoverPoint", "Hand-over point"}, {"arrivalSlot", "Arrival slot"}, {"restUntil", "Rest until"},
                {"failureCause", "Failure cause"}, {"reason", "Reason"}}) {
            String value = TimelineStep.text(gb, f[0]);
            if (!value.isEmpty()) {
                fact(out, f[1], Html.text(value));
            }
        }
        return out.append("</dl>").toString();
    }

    private static void fact(StringBuilder out, String label, String html) {
        out.append("<div><dt>").append(Html.text(label)).append("</dt><dd>").append(html).append("</dd></div>");
    }

    private static String items(JsonObject gb) {
        List<List<String>> rows = new ArrayList<>();
        JsonObject ordered = object(gb, "ordered");
        JsonObject received = object(gb, "received");
        for (JsonElement e : gb.getAsJsonArray("items")) {
            JsonObject item = e.getAsJsonObject();
            String sku = TimelineStep.text(item, "sku");
            rows.add(List.of(Html.text(sku), Html.text(TimelineStep.text(item, "name")),
                    Html.text(TimelineStep.text(item, "category")),
                    Html.text(MoneySummary.format(item.get("unitPriceCents").getAsLong())),
                    Html.text(TimelineStep.text(ordered, sku)), Html.text(TimelineStep.text(received, sku))));
        }
        return Html.table("Items of the group buy", List.of("SKU", "Name", "Category", "Unit price", "Ordered", "Received"), rows);
    }

    private String households(String id) {
        List<List<String>> rows = new ArrayList<>();
        ledger.householdOrders(id).getAsJsonObject().getAsJsonArray("records").forEach(e -> {
            JsonObject order = e.getAsJsonObject();
            String household = TimelineStep.text(order, "household");
            rows.add(List.of(Html.link("/group-buys/" + id + "/households/" + household, household),
                    Html.text(TimelineStep.text(order, "status")),
                    Html.text(MoneySummary.format(order.get("amountCents").getAsLong()))));
        });
        return Html.table("Household orders (pseudonymous references)", List.of("Household", "Status", "Amount"), rows);
    }

    private static String lots(JsonObject gb) {
        List<List<String>> rows = new ArrayList<>();
        if (gb.has("lots") && gb.get("lots").isJsonArray()) {
            gb.getAsJsonArray("lots").forEach(e -> rows.add(List.of(Html.text(TimelineStep.text(e.getAsJsonObject(), "sku")),
                    Html.text(TimelineStep.text(e.getAsJsonObject(), "lot")),
                    Html.text(TimelineStep.text(e.getAsJsonObject(), "quantity")))));
        }
        return Html.table("Lots packed by the supplier", List.of("SKU", "Lot", "Quantity"), rows);
    }

    private static String timeline(String id, List<TimelineStep> steps) {
        StringBuilder out = new StringBuilder("<p>Every state change and custody event in ledger order. "
                + "<span id=\"live-status\" role=\"status\">New events appear here as their blocks commit.</span></p>"
                + "<ol id=\"timeline\" class=\"timeline\" aria-live=\"polite\" data-live=\"/group-buys/")
                .append(Html.text(id)).append("/live\">");
        steps.forEach(s -> out.append(s.html()));
        return out.append("</ol>").toString();
    }

    private static String evidence(List<TimelineStep> steps) {
        Set<String> hashes = new LinkedHashSet<>();
        steps.forEach(s -> hashes.addAll(s.evidence()));
        StringBuilder out = new StringBuilder("<p>SHA-256 hashes of the documents the parties cited "
                + "(inspection reports, health checks, payment references).</p><ul id=\"evidence-hashes\" class=\"hashes\">");
        hashes.forEach(h -> out.append("<li><code>").append(Html.text(h)).append("</code></li>"));
        out.append("</ul>");
        return out.append(VerifyControl.HTML).toString();
    }

    static JsonObject object(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }
}
