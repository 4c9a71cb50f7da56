package org.groupbuy.client.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The console's HTTP server (the JDK's own): routes each path to its page, answers every response
 * with Cache-Control: no-store and a strict Content-Security-Policy, logs one line per request with
 * the route's name only (never the path, which holds ids), and streams live timeline steps as
 * Server-Sent Events.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final String ID = "([A-Za-z0-9][A-Za-z0-9._-]{0,63})";
    private static final Pattern GROUP_BUY = Pattern.compile("/group-buys/" + ID);
    private static final Pattern LIVE = Pattern.compile("/group-buys/" + ID + "/live");
    private static final Pattern HOUSEHOLD = Pattern.compile("/group-buys/" + ID + "/households/" + ID);
    private static final Pattern COMMUNITY = Pattern.compile("/communities/" + ID);
    private static final Pattern PARTY = Pattern.compile("/parties/" + ID + "/([A-Za-z0-9][A-Za-z0-9._@-]{0,63})");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final long KEEPALIVE_SECONDS = 15;
    private static final int THREADS = 32;

    private final ConsoleLedger ledger;
    private final LiveFeed feed;
    private final Optional<TokenGate> gate;
    private final Clock clock;
    private final PrintStream log;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "console-http");
        t.setDaemon(true);
        return t;
    });

    private ConsoleServer(ConsoleLedger ledger, LiveFeed feed, HttpServer server, Optional<TokenGate> gate,
                          Clock clock, PrintStream log) {
        this.ledger = ledger;
        this.feed = feed;
        this.server = server;
        this.gate = gate;
        this.clock = clock;
        this.log = log;
    }

    /** Starts listening; tls present means HTTPS with that context. Port 0 picks a free port. */
    public static ConsoleServer start(ConsoleLedger ledger, LiveFeed feed, InetSocketAddress address,
                                      Optional<SSLContext> tls, Optional<TokenGate> gate, Clock clock,
                                      PrintStream log) throws IOException {
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        ConsoleServer console = new ConsoleServer(ledger, feed, server, gate, clock, log);
        server.createContext("/", console::handle);
        server.setExecutor(console.workers);
        server.start();
        return console;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String route = "unknown";
        int status = 0; // 0 in the log: the exchange failed before a response was sent
        try {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (gate.isPresent() && !path.startsWith("/static/") && !path.equals("/login")
                    && !gate.get().accepts(TokenGate.presented(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Cookie")).orElse(null))) {
                route = "login-required";
                status = redirect(exchange, "/login");
            } else {
                Routed routed = route(exchange, method, path);
                route = routed.name();
                status = routed.status();
            }
        } catch (ConsoleRefusal refused) {
            status = refused.httpStatus();
            sendQuietly(exchange, status, Html.page("Refused", ledger.party(),
                    "<p class=\"error\" role=\"alert\">" + Html.text(refused.getMessage()) + "</p>"));
        } catch (RuntimeException e) {
            status = 500;
            sendQuietly(exchange, status, Html.page("Error", ledger.party(),
                    "<p class=\"error\" role=\"alert\">[INTERNAL] the console could not build this page ("
                            + Html.text(e.getClass().getSimpleName()) + ")</p>"));
        } finally {
            // logged before the exchange closes: whoever has the response can also read its log line
            log.printf("console: %s %s %d %d ms%n", exchange.getRequestMethod(), route, status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            exchange.close();
        }
    }

    private record Routed(String name, int status) {
    }

    private Routed route(HttpExchange exchange, String method, String path) throws IOException {
        Matcher m;
        if (method.equals("POST") && path.equals("/verify")) {
            return new Routed("verify", verify(exchange));
        }
        if (path.equals("/login")) {
            return new Routed("login", login(exchange, method));
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new Routed("method-not-allowed", send(exchange, 405, "text/plain", "[USAGE] the console is read-only"));
        }
        if (path.equals("/")) {
            return new Routed("home", html(exchange, new HomePage(ledger, feed).render()));
        }
        if (path.equals("/group-buys")) {
            String id = query(exchange, "id").orElse("");
            return new Routed("find-group-buy", id.matches(ID)
                    ? redirect(exchange, "/group-buys/" + id) : notFound(exchange, "a group buy id such as GB-7"));
        }
        if ((m = GROUP_BUY.matcher(path)).matches()) {
            return new Routed("group-buy", html(exchange, new GroupBuyPage(ledger).render(m.group(1))));
        }
        if ((m = LIVE.matcher(path)).matches()) {
            return new Routed("live", live(exchange, m.group(1)));
        }
        if ((m = HOUSEHOLD.matcher(path)).matches()) {
            return new Routed("household", html(exchange, new HouseholdPage(ledger).render(m.group(1), m.group(2))));
        }
        if ((m = COMMUNITY.matcher(path)).matches()) {
            String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
            String day = query(exchange, "day").filter(d -> DAY.matcher(d).matches()).orElse(today);
            return new Routed("community", html(exchange, new CommunityPage(ledger).render(m.group(1), day, clock.instant())));
        }
        if ((m = PARTY.matcher(path)).matches()) {
            return new Routed("party", html(exchange, new PartyPage(ledger).render(m.group(1) + "/" + m.group(2))));
        }
        if (path.equals("/static/console.css") || path.equals("/static/console.js")) {
            return new Routed("static", asset(exchange, path.substring("/static/".length())));
        }
        return new Routed("not-found", notFound(exchange, "one of /, /group-buys/ID, /communities/ID, /parties/MSP/NAME"));
    }

    /** Audit:VerifyEvidence for a hash the page computed; only same-origin scripts can send the header. */
    private int verify(HttpExchange exchange) throws IOException {
        if (!"verify".equals(exchange.getRequestHeaders().getFirst("X-Console"))) {
            return send(exchange, 403, "application/json", "{\"error\":\"[FORBIDDEN] send the hash from the console's page\"}");
        }
        String hash = new String(exchange.getRequestBody().readNBytes(200), StandardCharsets.UTF_8).trim();
        if (!SHA256.matcher(hash).matches()) {
            return send(exchange, 400, "application/json",
                    "{\"error\":\"[INVALID_ARGUMENT] send 64 lowercase hex characters (a SHA-256)\"}");
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("sha256", hash);
        try {
            answer.add("citations", ledger.verifyEvidence(hash).getAsJsonObject().getAsJsonArray("records"));
        } catch (ConsoleRefusal refused) {
            answer.add("citations", new JsonArray());
            answer.addProperty("error", refused.getMessage());
        }
        return send(exchange, 200, "application/json", answer.toString());
    }

    /** The timeline's new steps as Server-Sent Events, until the browser goes away. */
    private int live(HttpExchange exchange, String id) throws IOException {
        String shipBy = TimelineStep.text(ledger.groupBuy(id).getAsJsonObject(), "shipBy");
        BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>(1000);
        LiveFeed.Listener listener = feed.listen(id, queue::offer);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(": live timeline\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                JsonObject record = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                String frame = record == null ? ": keepalive\n\n"
                        : "event: step\ndata: " + TimelineStep.of(record,
                        java.util.OptionalLong.of(record.get("blockNumber").getAsLong()), shipBy).json() + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // the browser closed the page or the console is stopping
        } finally {
            feed.stopListening(listener);
        }
        return 200;
    }

    private int login(HttpExchange exchange, String method) throws IOException {
        if (gate.isEmpty()) {
            return redirect(exchange, "/");
        }
        if (method.equals("POST")) {
            String form = new String(exchange.getRequestBody().readNBytes(1000), StandardCharsets.UTF_8);
            String token = form.startsWith("token=") ? URLDecoder.decode(form.substring(6), StandardCharsets.UTF_8) : "";
            if (gate.get().accepts(token)) {
                exchange.getResponseHeaders().add("Set-Cookie", TokenGate.COOKIE + "=" + token.trim()
                        + "; Path=/; HttpOnly; Secure; SameSite=Strict");
                return redirect(exchange, "/");
            }
        }
        String form = "<form method=\"post\" action=\"/login\"><label for=\"token\">Console token</label> "
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required> "
                + "<button type=\"submit\">Log in</button></form>"
                + (method.equals("POST") ? "<p class=\"error\" role=\"alert\">[FORBIDDEN] wrong token</p>" : "");
        return send(exchange, method.equals("POST") ? 403 : 200, "text/html; charset=utf-8",
                Html.page("Log in", ledger.party(), form));
    }

    private int asset(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                return notFound(exchange, "a console asset");
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Optional<String> query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return Optional.empty();
        }
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private int notFound(HttpExchange exchange, String expected) throws IOException {
        return send(exchange, 404, "text/html; charset=utf-8", Html.page("Not found", ledger.party(),
                "<p class=\"error\" role=\"alert\">[NOT_FOUND] no such page; expected " + Html.text(expected) + "</p>"));
    }

    private static int html(HttpExchange exchange, String page) throws IOException {
        return send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static int redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        return 303;
    }

    private static int send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
        return status;
    }

    private static void sendQuietly(HttpExchange exchange, int status, String page) {
        try {
            send(exchange, status, "text/html; charset=utf-8", page);
        } catch (IOException | RuntimeException alreadySent) {
            // the response had started; nothing more to tell the browser
        }
    }
}
