package org.groupbuy.client.console;

import java.util.List;

/**
 * The console's HTML: every text that comes from the ledger or the request goes through
 * {@link #text}, so no record can inject markup; the layout is one page frame around each body.
 */
public final class Html {
    private Html() {
    }

    /** Text escaped for HTML element content and quoted attribute values. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link whose target and label are both escaped. */
    public static String link(String href, String label) {
        return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
    }

    /** A table with a caption; cells are HTML already escaped by the caller. */
    public static String table(String caption, List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table><caption>").append(text(caption))
                .append("</caption><thead><tr>");
        headers.forEach(h -> out.append("<th scope=\"col\">").append(text(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>");
        }
        if (rows.isEmpty()) {
            out.append("<tr><td colspan=\"").append(headers.size()).append("\">none</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    /** A section with a heading; the body is HTML. */
    public static String section(String id, String heading, String body) {
        return "<section id=\"" + text(id) + "\" aria-labelledby=\"" + text(id) + "-h\"><h2 id=\"" + text(id) + "-h\">"
                + text(heading) + "</h2>" + body + "</section>";
    }

    /** The whole page: header naming who the console acts as, navigation, the body. */
    public static String page(String title, String actingAs, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + " - GroupBuy console</title>"
                + "<link rel=\"stylesheet\" href=\"/static/console.css\">"
                + "<script src=\"/static/console.js\" defer></script></head><body>"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
                + "<header><p class=\"brand\"><a href=\"/\">GroupBuy Ledger console</a></p>"
                + "<p class=\"who\">read-only, acting as <strong id=\"acting-as\">" + text(actingAs) + "</strong></p></header>"
                + "<main id=\"main\"><h1>" + text(title) + "</h1>" + body + "</main>"
                + "<footer><p>Everything here is read from the ledger with the identity above; "
                + "the chaincode's access rules decide what it may see.</p></footer></body></html>";
    }
}
