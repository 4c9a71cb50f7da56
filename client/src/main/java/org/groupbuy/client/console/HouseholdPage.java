package org.groupbuy.client.console;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * /group-buys/ID/households/H: one household's order and trace. Personal details (name, phone,
 * address) are asked for only when the console acts as a leader or committee officer, are shown
 * only when the chaincode answers, and are never stored or logged by the console.
 */
public final class HouseholdPage {
    private static final Set<String> DETAIL_ROLES = Set.of("leader", "committee");
    private final ConsoleLedger ledger;

    public HouseholdPage(ConsoleLedger ledger) {
        this.ledger = ledger;
    }

    public String render(String id, String household) {
        JsonObject trace = ledger.householdTrace(id, household).getAsJsonObject();
        JsonObject order = GroupBuyPage.object(trace, "order");
        List<List<String>> lines = new ArrayList<>();
        if (order.has("lines")) {
            order.getAsJsonArray("lines").forEach(e -> lines.add(List.of(
                    Html.text(TimelineStep.text(e.getAsJsonObject(), "sku")),
                    Html.text(TimelineStep.text(e.getAsJsonObject(), "quantity")))));
        }
        StringBuilder steps = new StringBuilder("<ol id=\"timeline\" class=\"timeline\">");
        trace.getAsJsonArray("events").forEach(e -> steps.append(TimelineStep.of(e.getAsJsonObject(),
                ledger.blockOf(TimelineStep.text(e.getAsJsonObject(), "txId")), "").html()));
        steps.append("</ol>");
        String body = "<p>" + Html.link("/group-buys/" + id, "Back to group buy " + id) + "</p>"
                + "<dl class=\"facts\"><div><dt>Status</dt><dd>" + Html.text(TimelineStep.text(order, "status"))
                + "</dd></div><div><dt>Amount</dt><dd>" + Html.text(amount(order))
                + "</dd></div><div><dt>Offline (ordered for by the leader)</dt><dd>"
                + Html.text(TimelineStep.text(order, "offline")) + "</dd></div></dl>"
                + Html.section("lines", "Order lines", Html.table("What the household ordered", List.of("SKU", "Quantity"), lines))
                + Html.section("personal", "Personal details", details(id, household))
                + Html.section("timeline-section", "Trace", steps.toString());
        return Html.page("Household " + household + " of " + id, ledger.party(), body);
    }

    private static String amount(JsonObject order) {
        return order.has("amountCents") ? MoneySummary.format(order.get("amountCents").getAsLong()) : "";
    }

    private String details(String id, String household) {
        if (!DETAIL_ROLES.contains(ledger.role())) {
            return "<p id=\"no-details\">Personal details are shown only to the group buy's leader and its "
                    + "community's committee.</p>";
        }
        JsonObject details;
        try {
            details = ledger.householdDetails(id, household).getAsJsonObject();
        } catch (ConsoleRefusal refused) {
            return "<p id=\"no-details\">Not available to this identity: " + Html.text(refused.getMessage()) + "</p>";
        }
        return "<dl id=\"household-details\" class=\"facts\">"
                + "<div><dt>Name</dt><dd>" + Html.text(TimelineStep.text(details, "name")) + "</dd></div>"
                + "<div><dt>Phone</dt><dd>" + Html.text(TimelineStep.text(details, "phone")) + "</dd></div>"
                + "<div><dt>Address</dt><dd>" + Html.text(TimelineStep.text(details, "address")) + "</dd></div></dl>";
    }

}
