package org.groupbuy.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.groupbuy.client.connection.GatewayConnector;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.SystemQueries;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.SettingsResolver;

/**
 * One user of one org on the real network, connected the way the CLI connects: settings resolved from
 * $GROUPBUY_VAR/network.json (or var/network.json under GROUPBUY_HOME), identity from the org's users
 * folder, Fabric Gateway to the org's own peer. Sessions are shared per user and closed at JVM exit.
 */
public final class Ledger {
    private static final Map<String, Ledger> OPEN = new ConcurrentHashMap<>();
    private static final String[] PEER_ORGS = {"leader", "supplier", "courier", "committee", "regulator"};
    private final LedgerSession session;

    private Ledger(LedgerSession session) {
        this.session = session;
    }

    /** The user USER of org ORG (leader, supplier, courier, committee, regulator). */
    public static Ledger as(String org, String user) {
        return OPEN.computeIfAbsent(org + "/" + user, key -> {
            ConnectionFlags flags = new ConnectionFlags();
            flags.org = org;
            flags.user = user;
            LedgerSession session = new GatewayConnector().connect(new SettingsResolver(System.getenv()).resolve(flags));
            Runtime.getRuntime().addShutdownHook(new Thread(session::close));
            return new Ledger(session);
        });
    }

    public LedgerSession session() {
        return session;
    }

    public String party() {
        return session.settings().mspId() + "/" + session.settings().user();
    }

    /** Submits and waits for the commit; the chaincode's JSON answer. */
    public JsonElement submit(Transaction transaction, String... arguments) {
        JsonElement answer;
        try {
            answer = json(chaincode().submit(Invocation.of(transaction, arguments)).payload());
        } catch (Exception e) {
            throw new AssertionError(transaction + " was refused: " + describe(e), e);
        }
        awaitEveryPeer();
        return answer;
    }

    /** Submits with transient data endorsed only by the named orgs (as the CLI sends household details). */
    public JsonElement submitPrivate(Transaction transaction, String transientJson, String[] endorsingMspIds,
                                     String... arguments) {
        JsonElement answer;
        try {
            answer = json(chaincode().submitPrivate(Invocation.of(transaction, arguments), Chaincode.DETAILS_KEY,
                    transientJson, endorsingMspIds).payload());
        } catch (Exception e) {
            throw new AssertionError(transaction + " was refused: " + describe(e), e);
        }
        awaitEveryPeer();
        return answer;
    }

    /**
     * A commit is reported by the own org's peer; the other four may not have that block yet. The next
     * step, or a read through another org's peer, waits until every peer has it.
     */
    private void awaitEveryPeer() {
        long height = height();
        long deadline = System.currentTimeMillis() + 30_000;
        for (String org : PEER_ORGS) {
            Ledger peer = as(org, org + "1");
            while (peer.height() < height) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the " + org + " peer did not reach block height " + height + " in 30 s");
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public JsonElement evaluate(Transaction transaction, String... arguments) {
        try {
            return json(chaincode().evaluate(Invocation.of(transaction, arguments)).payload());
        } catch (Exception e) {
            throw new AssertionError(transaction + " query failed: " + describe(e), e);
        }
    }

    /** Submits a call that must be refused; returns the refusal as the CLI reports it: "[CODE] message". */
    public String refusedSubmit(Transaction transaction, String... arguments) {
        try {
            chaincode().submit(Invocation.of(transaction, arguments));
        } catch (Exception e) {
            return describe(e);
        }
        throw new AssertionError(transaction + " by " + party() + " was accepted, but should have been refused");
    }

    /** Like submitPrivate, but the call must be refused; returns "[CODE] message". */
    public String refusedPrivate(Transaction transaction, String transientJson, String[] endorsingMspIds, String... arguments) {
        try {
            chaincode().submitPrivate(Invocation.of(transaction, arguments), Chaincode.DETAILS_KEY, transientJson,
                    endorsingMspIds);
        } catch (Exception e) {
            return describe(e);
        }
        throw new AssertionError(transaction + " by " + party() + " was accepted, but should have been refused");
    }

    /** Evaluates a query that must be refused; returns "[CODE] message". */
    public String refusedEvaluate(Transaction transaction, String... arguments) {
        try {
            chaincode().evaluate(Invocation.of(transaction, arguments));
        } catch (Exception e) {
            return describe(e);
        }
        throw new AssertionError(transaction + " by " + party() + " answered, but should have been refused");
    }

    /** The channel's block height, from the peer's query system chaincode (qscc GetChainInfo). */
    public long height() {
        try {
            return new SystemQueries(session, session.settings().mspId()).height();
        } catch (RuntimeException e) {
            throw new AssertionError("cannot read the channel height: " + e, e);
        }
    }

    private Chaincode chaincode() {
        return session.chaincode();
    }

    private String describe(Exception e) {
        return new ErrorReport(session.settings().peerEndpoint()).describe(e).getMessage();
    }

    private static JsonElement json(String payload) {
        return JsonParser.parseString(payload.isBlank() ? "{}" : payload);
    }
}
