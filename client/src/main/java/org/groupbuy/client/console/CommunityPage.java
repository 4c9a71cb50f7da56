package org.groupbuy.client.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * /communities/ID: its group buys by state, the arrival slots of a day in the committee's order
 * (GUARANTEE first), and the responsibility commitments with their expiry, those that lapse within
 * seven days marked.
 */
public final class CommunityPage {
    static final Duration SOON = Duration.ofDays(7);
    private static final List<String> STATE_ORDER = List.of("PENDING_APPROVAL", "OPEN", "SUBMITTED", "ACCEPTED", "PACKED",
            "IN_TRANSIT", "QUARANTINED", "ARRIVED", "DISINFECTED", "COMPLETED", "SETTLED", "FAILED",
            "CANCELLED", "DECLINED");
    private final ConsoleLedger ledger;

    public CommunityPage(ConsoleLedger ledger) {
        this.ledger = ledger;
    }

    /** @param day the day of the arrival slots, yyyy-mm-dd */
    public String render(String id, String day, Instant now) {
        String body = Html.section("group-buys", "Group buys by state", groupBuys(id))
                + Html.section("arrivals", "Arrival slots of " + day, arrivals(id, day))
                + Html.section("commitments", "Responsibility commitments", commitments(id, now));
        return Html.page("Community " + id, ledger.party(), body);
    }

    private String groupBuys(String id) {
        Map<String, List<JsonObject>> byState = new TreeMap<>((a, b) -> rank(a) != rank(b)
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        ledger.groupBuysOf(id).getAsJsonObject().getAsJsonArray("records").forEach(e ->
                byState.computeIfAbsent(TimelineStep.text(e.getAsJsonObject(), "status"), s -> new ArrayList<>())
                        .add(e.getAsJsonObject()));
        if (byState.isEmpty()) {
            return "<p>No group buys.</p>";
        }
        StringBuilder out = new StringBuilder();
        byState.forEach((state, gbs) -> {
            out.append("<h3>").append(Html.text(state)).append(" (").append(gbs.size()).append(")</h3><ul>");
            gbs.forEach(gb -> out.append("<li>").append(Html.link("/group-buys/" + TimelineStep.text(gb, "id"),
                    TimelineStep.text(gb, "id"))).append(" <span class=\"muted\">").append(Html.text(TimelineStep.text(gb, "priority")))
                    .append(", supplier ").append(Html.text(TimelineStep.text(gb, "supplier"))).append("</span></li>"));
            out.append("</ul>");
        });
        return out.toString();
    }

    private static int rank(String state) {
        int i = STATE_ORDER.indexOf(state);
        return i < 0 ? STATE_ORDER.size() : i;
    }

    private String arrivals(String id, String day) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonElement e : ledger.arrivalQueue(id, day).getAsJsonArray()) {
            JsonObject slot = e.getAsJsonObject();
            rows.add(List.of(Html.text(TimelineStep.text(slot, "position")), Html.text(TimelineStep.text(slot, "slot")),
                    Html.text(TimelineStep.text(slot, "priority")),
                    Html.link("/group-buys/" + TimelineStep.text(slot, "groupBuyId"), TimelineStep.text(slot, "groupBuyId")),
                    Html.text(TimelineStep.text(slot, "handoverPoint")), Html.text(TimelineStep.text(slot, "status"))));
        }
        return "<form class=\"inline\" method=\"get\"><label for=\"day\">Day</label> "
                + "<input id=\"day\" name=\"day\" type=\"date\" value=\"" + Html.text(day) + "\"> "
                + "<button type=\"submit\">Show</button></form>"
                + Html.table("Arrival slots in order (GUARANTEE goods first)",
                List.of("Position", "Slot", "Priority", "Group buy", "Hand-over point", "Status"), rows);
    }

    private String commitments(String id, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonElement e : ledger.commitmentsOf(id).getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            String expires = expiry(c);
            boolean soon = soon(expires, now);
            rows.add(List.of(Html.text(TimelineStep.text(c, "id")),
                    Html.link("/parties/" + TimelineStep.text(c, "party"), TimelineStep.text(c, "party")),
                    Html.text(TimelineStep.text(c, "role")), Html.text(TimelineStep.text(c, "status")),
                    soon ? "<strong class=\"soon\">" + Html.text(expires) + " (within 7 days)</strong>" : Html.text(expires)));
        }
        return Html.table("Commitments; expiry is the earlier of the validity and every credential's expiry",
                List.of("Commitment", "Party", "Role", "Status", "Expires"), rows);
    }

    /** The earliest of the commitment's validUntil and its credentials' expiry dates. */
    static String expiry(JsonObject commitment) {
        String earliest = TimelineStep.text(commitment, "validUntil");
        if (commitment.has("credentials") && commitment.get("credentials").isJsonArray()) {
            for (JsonElement e : commitment.getAsJsonArray("credentials")) {
                String expires = TimelineStep.text(e.getAsJsonObject(), "expires");
                if (!expires.isEmpty() && (earliest.isEmpty() || expires.compareTo(earliest) < 0)) {
                    earliest = expires;
                }
            }
        }
        return earliest;
    }

    static boolean soon(String expires, Instant now) {
        try {
            Instant at = Instant.parse(expires);
            return !at.isAfter(now.plus(SOON));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
