package org.groupbuy.e2e.access;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.client.connection.GatewayConnector;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.SystemQueries;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.Settings;
import org.groupbuy.client.settings.SettingsResolver;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.identity.Identities;

/**
 * The real network as the issue-7 tests (access, privacy, faults) see it, through the client's own
 * connection factory ({@link GatewayConnector}) and ledger API ({@link Chaincode}): settings from
 * {@code $GROUPBUY_VAR/network.json}, one connection per identity and org peer, every outcome a
 * {@link Result} carrying the decoded code of the {@link LedgerFailure}.
 */
public final class RealNet implements AutoCloseable {
    public static final String[] PEER_ORGS = {"leader", "supplier", "courier", "committee", "regulator"};
    private static final java.util.Set<String> PEER_ORG_SET = java.util.Set.of(PEER_ORGS);
    /** The chaincode's own error codes: a refusal with one of them came from the contract, not the peer. */
    public static final List<String> CHAINCODE_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();

    /** One org's peer as network.json describes it, and the settings to reach it as its first user. */
    public record Org(String key, String mspId, String endpoint, String alias, Path tlsRoot, Path usersDir,
                      Settings settings) {
    }

    /** Outcome of one call: ok, or the chaincode's code ({@code FORBIDDEN}, ...) or a transport code. */
    public record Result(boolean ok, String code, String message, byte[] payload, String txId) {
        public String text() {
            return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return JsonParser.parseString(text()).getAsJsonObject();
        }

        public String outcome() {
            return ok ? "ok" : code;
        }

        @Override
        public String toString() {
            return ok ? "ok " + txId : code + ": " + message;
        }
    }

    private final Path home;
    private final Path var;
    private final SettingsResolver resolver = new SettingsResolver(System.getenv());
    private final GatewayConnector connector = new GatewayConnector();
    private final Map<String, Org> orgs = new TreeMap<>();
    private final Map<String, Conn> conns = new TreeMap<>();

    private RealNet(Path home, Path var) {
        this.home = home;
        this.var = var;
        if (!Files.isRegularFile(var.resolve("network.json"))) {
            throw new IllegalStateException(var.resolve("network.json")
                    + " not readable: is the network up? (scripts/network.sh up)");
        }
    }

    public static RealNet open() {
        String v = System.getenv("GROUPBUY_VAR");
        Path home = Path.of(env("GROUPBUY_HOME", "."));
        return new RealNet(home, v == null || v.isBlank() ? home.resolve("var") : home.resolve(v));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public Path home() {
        return home;
    }

    public Path var() {
        return var;
    }

    public String channel() {
        return org("leader").settings().channel();
    }

    public synchronized Org org(String key) {
        return orgs.computeIfAbsent(key, k -> {
            ConnectionFlags flags = new ConnectionFlags();
            flags.org = k;
            flags.user = k + "1";
            Settings s = resolver.resolve(flags);
            return new Org(k, s.mspId(), s.peerEndpoint(), s.peerHostAlias(), s.tlsRootCert(), s.usersDir(), s);
        });
    }

    /** {@code user} of {@code org} through its own org's peer. */
    public Conn as(String org, String user) {
        return as(org, user, org);
    }

    /** {@code user} of {@code org} through the Gateway of {@code peerOrg}'s peer. */
    public synchronized Conn as(String org, String user, String peerOrg) {
        String key = org + "/" + user + "@" + peerOrg;
        Conn c = conns.get(key);
        if (c == null) {
            Settings own = org(org).settings();
            Settings peer = org(peerOrg).settings();
            Settings settings = new Settings(own.org(), own.mspId(), user, peer.peerEndpoint(), peer.peerHostAlias(),
                    peer.tlsRootCert(), own.usersDir(), own.channel(), own.chaincode(), own.deadlines());
            c = new Conn(connector.connect(settings), this, peerOrg);
            conns.put(key, c);
        }
        return c;
    }

    /** Any certificate and key (e.g. from a CA outside the consortium) claiming {@code mspId}. */
    public Conn connect(String mspId, Path cert, Path key, String peerOrg) {
        try (Reader cr = Files.newBufferedReader(cert); Reader kr = Files.newBufferedReader(key)) {
            return new Conn(connector.connect(org(peerOrg).settings(), mspId, Identities.readX509Certificate(cr),
                    Identities.readPrivateKey(kr)), this, peerOrg);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot connect as " + cert + ": " + e, e);
        }
    }

    /** The channel's system queries on {@code orgKey}'s peer, as that org's admin. */
    private SystemQueries system(String orgKey) {
        return new SystemQueries(as(orgKey, "admin").session(), org(orgKey).mspId());
    }

    /** Height of the channel on {@code org}'s peer (qscc GetChainInfo as that org's admin), -1 when it does not answer. */
    public long height(String orgKey) {
        try {
            return system(orgKey).height();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Block {@code number} of the channel as {@code orgKey}'s peer has it (qscc GetBlockByNumber, as that org's admin). */
    public byte[] block(String orgKey, long number) {
        return system(orgKey).block(number);
    }

    /** Heights of all five peers, in {@link #PEER_ORGS} order. */
    public long[] heights() {
        long[] h = new long[PEER_ORGS.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = height(PEER_ORGS[i]);
        }
        return h;
    }

    /**
     * Waits until every peer that answers is at least at {@code orgKey}'s height: a step committed through one
     * peer is then known to the peers that endorse the next step (the Gateway waits for its own peer only).
     * Peers that do not answer (stopped by a fault test) are not waited for; gives up after {@code seconds}.
     */
    public boolean awaitOthersAt(String orgKey, int seconds) {
        long target = height(orgKey);
        if (target < 0) {
            return false;
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            boolean behind = false;
            for (String o : PEER_ORGS) {
                long h = height(o);
                behind |= h >= 0 && h < target;
            }
            if (!behind) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Waits until every peer answers with the same height; false after {@code seconds}. */
    public boolean waitInSync(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long[] h = heights();
            if (Arrays.stream(h).allMatch(x -> x == h[0] && x > 0)) {
                return true;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        conns.values().forEach(Conn::close);
        conns.clear();
    }

    /** Drops the cached connections (after a node restart). */
    public synchronized void reconnect() {
        close();
    }

    /** One identity's Gateway connection, every call through the client's {@link Chaincode}. */
    public static final class Conn implements AutoCloseable {
        private final LedgerSession session;
        private final RealNet net;
        private final String peerOrg;

        Conn(LedgerSession session, RealNet net, String peerOrg) {
            this.session = session;
            this.net = net;
            this.peerOrg = peerOrg;
        }

        public LedgerSession session() {
            return session;
        }

        public Chaincode chaincode() {
            return session.chaincode();
        }

        public Network network() {
            return session.network();
        }

        /** The Gateway itself, e.g. to send an already signed transaction again. */
        public Gateway gateway() {
            return session.gateway();
        }

        /** A Gateway proposal of the chaincode, to endorse and send by hand. */
        public Proposal proposal(Transaction tx, String... args) {
            return chaincode().proposal(Invocation.of(tx, args));
        }

        private static Invocation invocation(Transaction tx, Map<String, byte[]> transientData, String[] orgs,
                                             String... args) {
            Invocation invocation = Invocation.of(tx, args);
            if (transientData != null && !transientData.isEmpty()) {
                invocation = invocation.withTransient(transientData);
            }
            return orgs == null || orgs.length == 0 ? invocation : invocation.endorsedBy(orgs);
        }

        /** Runs the transaction on one peer without ordering it: nothing is written. */
        public Result evaluate(Transaction tx, String... args) {
            return evaluateWith(tx, null, null, args);
        }

        public Result evaluateWith(Transaction tx, Map<String, byte[]> transientData, String[] orgs, String... args) {
            return outcome(() -> chaincode().evaluate(invocation(tx, transientData, orgs, args)));
        }

        /** Endorses (the endorsement policy's peers run it) but never submits: nothing is written. */
        public Result endorseOnly(Transaction tx, String... args) {
            return outcome(() -> chaincode().endorse(Invocation.of(tx, args)));
        }

        public Result submit(Transaction tx, String... args) {
            return submitWith(tx, null, null, args);
        }

        /**
         * Endorses, orders and waits for the commit; {@code COMMIT_<code>} when validation failed. After a
         * commit it also waits (up to 10 s) until the other peers have the block, so that the next step, whoever
         * takes it through whichever peer, sees this one.
         */
        public Result submitWith(Transaction tx, Map<String, byte[]> transientData, String[] orgs, String... args) {
            Result r = outcome(() -> chaincode().submit(invocation(tx, transientData, orgs, args)));
            if (r.ok() && PEER_ORG_SET.contains(peerOrg)) {
                net.awaitOthersAt(peerOrg, 10);
            }
            return r;
        }

        private static Result outcome(java.util.function.Supplier<Answer> call) {
            try {
                Answer answer = call.get();
                return new Result(true, "", "", answer.payload().getBytes(StandardCharsets.UTF_8), answer.transactionId());
            } catch (LedgerFailure f) {
                return failure(f);
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** The Result of a failure: the chaincode's code, {@code COMMIT_<validation code>} or {@code GRPC_<status>}. */
    public static Result failure(LedgerFailure f) {
        String code = switch (f.source()) {
            case CHAINCODE -> f.code();
            case VALIDATION -> "COMMIT_" + f.code();
            case TRANSPORT -> "GRPC_" + f.code();
        };
        String message = f.fromChaincode() ? f.getMessage()
                : f.detail() + (f.transactionId().isEmpty() ? "" : " (transaction " + f.transactionId() + ")");
        return new Result(false, code, message, null, f.transactionId());
    }
}
