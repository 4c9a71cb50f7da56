package org.groupbuy.client.console;

import java.util.SortedSet;
import java.util.TreeSet;

/** /: who the console acts as, the communities it can see, and a way to open a group buy by id. */
public final class HomePage {
    private final ConsoleLedger ledger;
    private final LiveFeed feed;

    public HomePage(ConsoleLedger ledger, LiveFeed feed) {
        this.ledger = ledger;
        this.feed = feed;
    }

    public String render() {
        SortedSet<String> communities = new TreeSet<>(feed.communities());
        ledger.community().ifPresent(communities::add);
        StringBuilder list = new StringBuilder("<ul id=\"communities\">");
        communities.forEach(c -> list.append("<li>").append(Html.link("/communities/" + c, "Community " + c)).append("</li>"));
        list.append("</ul>");
        String who = "<dl class=\"facts\"><div><dt>Party</dt><dd>" + Html.link("/parties/" + ledger.party(), ledger.party())
                + "</dd></div><div><dt>Role</dt><dd>" + Html.text(ledger.role()) + "</dd></div>"
                + ledger.community().map(c -> "<div><dt>Community</dt><dd>" + Html.text(c) + "</dd></div>").orElse("")
                + "</dl>";
        String find = "<form class=\"inline\" method=\"get\" action=\"/group-buys\"><label for=\"gb-id\">Group buy id</label> "
                + "<input id=\"gb-id\" name=\"id\" required pattern=\"[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}\"> "
                + "<button type=\"submit\">Open</button></form>";
        return Html.page("Communities", ledger.party(), Html.section("identity", "Acting as", who)
                + Html.section("community-list", "Communities you can see", communities.isEmpty()
                        ? "<p>None registered yet.</p>" : list.toString())
                + Html.section("find", "Open a group buy", find));
    }
}
