package org.groupbuy.e2e.access;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The real network as the issue-7 tests (access, privacy, faults) see it: reads
 * {@code $GROUPBUY_VAR/network.json} (default {@code $GROUPBUY_HOME/var}), opens one Gateway
 * connection per identity and org peer, and turns every outcome into a {@link Result} with the
 * chaincode's error code. Shared by the packages access, badinput, privacy and faults only.
 */
public final class RealNet implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("\\[([A-Z][A-Z_]*)\\]");
    public static final String[] PEER_ORGS = {"leader", "supplier", "courier", "committee", "regulator"};
    /** The chaincode's own error codes: a refusal with one of them came from the contract, not the peer. */
    public static final List<String> CHAINCODE_CODES = List.of("NOT_FOUND", "FORBIDDEN", "INVALID_ARGUMENT",
            "INVALID_STATE", "CONFLICT", "EXPIRED");

    /** One org's peer as network.json describes it. */
    public record Org(String key, String mspId, String endpoint, String alias, Path tlsRoot, Path usersDir) {
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
    private final String channel;
    private final String chaincode;
    private final Map<String, Org> orgs = new TreeMap<>();
    private final Map<String, Conn> conns = new TreeMap<>();

    private RealNet(Path var) {
        this.home = Path.of(env("GROUPBUY_HOME", "."));
        this.var = var;
        Path file = var.resolve("network.json");
        try (Reader r = Files.newBufferedReader(file)) {
            JsonObject json = JsonParser.parseReader(r).getAsJsonObject();
            channel = json.get("channel").getAsString();
            chaincode = json.get("chaincode").getAsString();
            for (var e : json.getAsJsonObject("orgs").entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                orgs.put(e.getKey(), new Org(e.getKey(), o.get("mspId").getAsString(), o.get("peerEndpoint").getAsString(),
                        o.get("peerHostAlias").getAsString(), Path.of(o.get("tlsRootCert").getAsString()),
                        Path.of(o.get("usersDir").getAsString())));
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " not readable: is the network up? (scripts/network.sh up)", e);
        }
    }

    public static RealNet open() {
        String v = System.getenv("GROUPBUY_VAR");
        Path home = Path.of(env("GROUPBUY_HOME", "."));
        return new RealNet(v == null || v.isBlank() ? home.resolve("var") : home.resolve(v));
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
        return channel;
    }

    public Org org(String key) {
        Org o = orgs.get(key);
        if (o == null) {
            throw new IllegalArgumentException("no org " + key + " in network.json");
        }
        return o;
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
            Path msp = org(org).usersDir().resolve(user).resolve("msp");
            c = connect(org(org).mspId(), msp.resolve("signcerts/cert.pem"), msp.resolve("keystore/key.pem"), peerOrg);
            conns.put(key, c);
        }
        return c;
    }

    /** Any certificate and key (e.g. from a CA outside the consortium) claiming {@code mspId}. */
    public Conn connect(String mspId, Path cert, Path key, String peerOrg) {
        try (Reader cr = Files.newBufferedReader(cert); Reader kr = Files.newBufferedReader(key)) {
            X509Certificate x509 = Identities.readX509Certificate(cr);
            PrivateKey pk = Identities.readPrivateKey(kr);
            Org peer = org(peerOrg);
            ManagedChannel ch = Grpc.newChannelBuilder(peer.endpoint(),
                            TlsChannelCredentials.newBuilder().trustManager(peer.tlsRoot().toFile()).build())
                    .overrideAuthority(peer.alias()).build();
            Gateway gw = Gateway.newInstance().identity(new X509Identity(mspId, x509))
                    .signer(Signers.newPrivateKeySigner(pk)).hash(Hash.SHA256).connection(ch)
                    .evaluateOptions(CallOption.deadlineAfter(15, TimeUnit.SECONDS))
                    .endorseOptions(CallOption.deadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(CallOption.deadlineAfter(15, TimeUnit.SECONDS))
                    .commitStatusOptions(CallOption.deadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
            return new Conn(ch, gw, gw.getNetwork(channel));
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect as " + cert + ": " + e, e);
        }
    }

    /** Height of the channel on {@code org}'s peer (qscc GetChainInfo as that org's admin), -1 when it does not answer. */
    public long height(String orgKey) {
        try {
            Proposal p = as(orgKey, "admin").network().getContract("qscc").newProposal("GetChainInfo")
                    .addArguments(channel).setEndorsingOrganizations(org(orgKey).mspId()).build();
            return org.hyperledger.fabric.protos.common.BlockchainInfo.parseFrom(p.evaluate()).getHeight();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Block {@code number} of the channel as {@code orgKey}'s peer has it (qscc GetBlockByNumber, as that org's admin). */
    public byte[] block(String orgKey, long number) throws GatewayException {
        return as(orgKey, "admin").network().getContract("qscc").newProposal("GetBlockByNumber")
                .addArguments(channel, Long.toString(number)).setEndorsingOrganizations(org(orgKey).mspId()).build()
                .evaluate();
    }

    /** Heights of all five peers, in {@link #PEER_ORGS} order. */
    public long[] heights() {
        long[] h = new long[PEER_ORGS.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = height(PEER_ORGS[i]);
        }
        return h;
    }

    /** Waits until every peer answers with the same height; false after {@code seconds}. */
    public boolean waitInSync(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long[] h = heights();
            if (java.util.Arrays.stream(h).allMatch(x -> x == h[0] && x > 0)) {
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

    /** One identity's Gateway connection. */
    public final class Conn implements AutoCloseable {
        private final ManagedChannel ch;
        private final Gateway gw;
        private final Network network;
        private final Contract contract;

        Conn(ManagedChannel ch, Gateway gw, Network network) {
            this.ch = ch;
            this.gw = gw;
            this.network = network;
            this.contract = network.getContract(chaincode);
        }

        public Network network() {
            return network;
        }

        public Contract contract() {
            return contract;
        }

        /** The Gateway itself, e.g. to send an already signed transaction again. */
        public Gateway gateway() {
            return gw;
        }

        private Proposal proposal(String tx, Map<String, byte[]> transientData, String[] orgs, String... args) {
            Proposal.Builder b = contract.newProposal(tx).addArguments(args);
            if (transientData != null && !transientData.isEmpty()) {
                b.putAllTransient(transientData);
            }
            if (orgs != null && orgs.length > 0) {
                b.setEndorsingOrganizations(orgs);
            }
            return b.build();
        }

        /** Runs the transaction on one peer without ordering it: nothing is written. */
        public Result evaluate(String tx, String... args) {
            return evaluateWith(tx, null, null, args);
        }

        public Result evaluateWith(String tx, Map<String, byte[]> transientData, String[] orgs, String... args) {
            Proposal p = proposal(tx, transientData, orgs, args);
            try {
                return new Result(true, "", "", p.evaluate(), p.getTransactionId());
            } catch (GatewayException | GatewayRuntimeException e) {
                return failure(e, p.getTransactionId());
            }
        }

        /** Endorses (the endorsement policy's peers run it) but never submits: nothing is written. */
        public Result endorseOnly(String tx, String... args) {
            Proposal p = proposal(tx, null, null, args);
            try {
                Transaction t = p.endorse();
                return new Result(true, "", "", t.getResult(), t.getTransactionId());
            } catch (GatewayException | GatewayRuntimeException e) {
                return failure(e, p.getTransactionId());
            }
        }

        public Result submit(String tx, String... args) {
            return submitWith(tx, null, null, args);
        }

        /** Endorses, orders and waits for the commit; {@code COMMIT_<code>} when validation failed. */
        public Result submitWith(String tx, Map<String, byte[]> transientData, String[] orgs, String... args) {
            Proposal p = proposal(tx, transientData, orgs, args);
            try {
                Transaction t = p.endorse();
                byte[] result = t.getResult();
                Status s = t.submitAsync().getStatus();
                if (!s.isSuccessful()) {
                    return new Result(false, "COMMIT_" + s.getCode(), "not committed: " + s.getCode(), result,
                            t.getTransactionId());
                }
                return new Result(true, "", "", result, t.getTransactionId());
            } catch (GatewayException | GatewayRuntimeException e) {
                return failure(e, p.getTransactionId());
            }
        }

        @Override
        public void close() {
            gw.close();
            ch.shutdownNow();
            try {
                ch.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Result failure(Exception e, String txId) {
        List<String> texts = new ArrayList<>();
        io.grpc.Status status = null;
        if (e instanceof GatewayException g) {
            g.getDetails().forEach(d -> texts.add(d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage()));
            status = g.getStatus();
        } else if (e instanceof GatewayRuntimeException g) {
            g.getDetails().forEach(d -> texts.add(d.getMspId() + "@" + d.getAddress() + ": " + d.getMessage()));
            status = g.getStatus();
        }
        if (status != null) {
            texts.add(status.getCode() + " " + status.getDescription());
        }
        String all = String.join(" | ", texts);
        Matcher m = CODE.matcher(all);
        String code;
        if (m.find()) {
            code = m.group(1);
        } else if (e instanceof CommitException) {
            code = "COMMIT_FAILED";
        } else {
            code = "GRPC_" + (status == null ? "UNKNOWN" : status.getCode());
        }
        return new Result(false, code, all, null, txId);
    }
}
