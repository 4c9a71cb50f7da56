package org.groupbuy.e2e.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.groupbuy.client.console.ConsoleLedger;
import org.groupbuy.client.console.ConsoleServer;
import org.groupbuy.client.console.LiveFeed;
import org.groupbuy.e2e.Ledger;

/** `groupbuy console` for one user, in this JVM, on a free loopback port; its log kept for inspection. */
final class RunningConsole implements AutoCloseable {
    private final LiveFeed feed;
    private final ConsoleServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private RunningConsole(String org, String user) throws Exception {
        ConsoleLedger ledger = ConsoleLedger.of(Ledger.as(org, user).session());
        feed = new LiveFeed(ledger).start();
        server = ConsoleServer.start(ledger, feed, new InetSocketAddress("127.0.0.1", 0), Optional.empty(),
                Optional.empty(), Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    static RunningConsole as(String org, String user) throws Exception {
        return new RunningConsole(org, user);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        feed.close();
    }
}
