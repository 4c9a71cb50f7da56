package org.groupbuy.client.commands;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.groupbuy.client.GroupBuyCli;
import org.groupbuy.client.console.ConsoleLedger;
import org.groupbuy.client.console.ConsoleServer;
import org.groupbuy.client.console.Exposure;
import org.groupbuy.client.console.LiveFeed;
import org.groupbuy.client.console.TokenGate;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "console", description = {"A read-only web console: group buys with their provenance timeline "
        + "(live), evidence verification, communities, party records and household traces, read with the identity "
        + "the console was started with.",
        "Listens on 127.0.0.1 unless --bind says otherwise; any other address needs --tls-keystore and --token-file."},
        footer = {"%nExamples:", "  groupbuy console --org regulator --user regulator1",
                "  groupbuy console --org committee --user committee1 --port 8090",
                "  groupbuy console --org regulator --bind 0.0.0.0 --tls-keystore console.p12 "
                        + "--tls-password-file console.pass --token-file console.token",
                "%nPages: /  /group-buys/ID  /group-buys/ID/households/H  /communities/ID  /parties/MSP/NAME"})
public final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionFlags connection;

    @Option(names = "--port", defaultValue = "8088", paramLabel = "N", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 key store with the console's TLS key and certificate")
    Path keystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "file holding the key store's password")
    Path keystorePassword;

    @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the login token (at least 20 characters)")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw CliFailure.usage("INVALID_ARGUMENT", "--port " + port + " is not a port; give 1..65535 (or 0 for any free port)");
        }
        Exposure exposure = Exposure.of(bind, keystore != null, tokenFile != null);
        Optional<SSLContext> tls = keystore == null ? Optional.empty() : Optional.of(tls());
        Optional<TokenGate> gate = tokenFile == null ? Optional.empty() : Optional.of(new TokenGate(read(tokenFile, "--token-file")));
        Settings settings = ((GroupBuyCli) spec.root().userObject()).settings(connection);
        try (LedgerSession session = ((GroupBuyCli) spec.root().userObject()).connector().connect(settings)) {
            ConsoleLedger ledger = ConsoleLedger.of(session);
            try (LiveFeed feed = new LiveFeed(ledger).start(); ConsoleServer server = ConsoleServer.start(ledger, feed,
                    new InetSocketAddress(exposure.address(), port), tls, gate, Clock.systemUTC(), System.err)) {
                var out = spec.commandLine().getOut();
                out.printf("console for %s at %s://%s:%d/ (read-only; Ctrl-C stops it)%n", ledger.party(), exposure.scheme(),
                        exposure.address().getHostAddress(), server.port());
                out.flush();
                awaitShutdown();
            }
        } catch (CliFailure known) {
            throw known;
        } catch (IOException e) {
            throw CliFailure.usage("PORT_UNAVAILABLE", "cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another --port");
        } catch (Exception e) {
            throw new ErrorReport(settings.peerEndpoint()).describe(e);
        }
        return ExitCode.OK;
    }

    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
    }

    private SSLContext tls() {
        if (keystorePassword == null) {
            throw CliFailure.usage("INVALID_ARGUMENT", "--tls-keystore needs --tls-password-file FILE with its password");
        }
        char[] password = read(keystorePassword, "--tls-password-file").trim().toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw CliFailure.usage("INVALID_ARGUMENT", "--tls-keystore " + keystore + " cannot be used (" + e.getMessage()
                    + "); give a PKCS12 file with one key and its certificate, and its password");
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("INVALID_ARGUMENT", option + " " + file + " cannot be read (" + e.getMessage() + ")");
        }
    }
}
