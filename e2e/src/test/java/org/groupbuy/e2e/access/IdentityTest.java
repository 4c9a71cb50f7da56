package org.groupbuy.e2e.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.RealNet.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Identities the network must refuse: a certificate from a CA outside the consortium (made with
 * openssl, with the Fabric CA attribute extension role=leader, community=C1), a leader whose
 * commitment was revoked by the committee, and a leader whose certificate was revoked at the
 * org's own CA once the CA's revocation list is in the org's MSP on the channel.
 */
@Tag("e2e")
class IdentityTest {

    /** Runs {@code cmd} in {@code dir} (with {@code env} added), output in {@code log}; must exit 0 in time. */
    static void run(Path dir, Path log, int seconds, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " still running after " + seconds + " s\n"
                    + Files.readString(log));
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + Files.readString(log)).isZero();
    }

    static void run(Path dir, String... cmd) throws Exception {
        run(dir, dir.resolve("openssl.log"), 30, Map.of(), cmd);
    }

    /**
     * {@code scripts/identity.sh ARGS} against this test's network: GROUPBUY_PORT_OFFSET comes with the
     * environment, GROUPBUY_VAR is the folder the test reads network.json from.
     */
    static void identityScript(RealNet net, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "scripts/identity.sh"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("identity-sh-" + args[0], ".log");
        run(net.home(), log, 300, Map.of("GROUPBUY_VAR", net.var().toAbsolutePath().toString()),
                cmd.toArray(String[]::new));
    }

    @Test
    void aCertificateFromACaOutsideTheConsortiumIsRefused() throws Exception {
        RealNet net = RealNet.open();
        Path dir = Files.createTempDirectory("rogue-ca");
        run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key");
        run(dir, "openssl", "req", "-x509", "-new", "-key", "ca.key", "-days", "2", "-subj", "/CN=ca.leader.groupbuy.local",
                "-out", "ca.pem");
        run(dir, "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
        run(dir, "openssl", "req", "-new", "-key", "key.pem", "-subj", "/OU=client/CN=leader1", "-out", "user.csr");
        // the attribute extension Fabric CA writes: 1.2.3.4.5.6.7.8.1 = {"attrs":{...}}
        Files.writeString(dir.resolve("ext.cnf"), "1.2.3.4.5.6.7.8.1=ASN1:UTF8String:{\"attrs\":{\"role\":\"leader\","
                + "\"community\":\"C1\"}}\nkeyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n");
        run(dir, "openssl", "x509", "-req", "-in", "user.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", "ext.cnf", "-out", "cert.pem");
        try (RealNet.Conn rogue = net.connect("LeaderMSP", dir.resolve("cert.pem"), dir.resolve("key.pem"), "leader")) {
            Result read = rogue.evaluate(Transaction.LIST_GROUP_BUYS, "C1", "", "5", "");
            Result write = rogue.submit(Transaction.OPEN, Fixtures.groupBuyJson("GB-ROGUE-" + System.nanoTime() % 100000,
                    "C1", "SupplierMSP/supplier1"));
            System.out.printf("identity: foreign-CA leader1 certificate: evaluate -> %s; submit -> %s%n", read, write);
            assertThat(read.ok()).isFalse();
            assertThat(write.ok()).isFalse();
            assertThat(read.code()).as("refused by the peer, not the contract").isNotIn(RealNet.CHAINCODE_CODES);
            assertThat(write.code()).isNotIn(RealNet.CHAINCODE_CODES);
        }
    }

    @Test
    void aLeaderWhoseCommitmentWasRevokedIsRefused() throws Exception {
        RealNet net = RealNet.open();
        Fixtures.communitiesOn(net);
        String gb = "GB-RV-" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
        // before: leader2 may open in C2 (evaluate only)
        Result before = net.as("leader", "leader2").evaluate(Transaction.OPEN,
                Fixtures.groupBuyJson(gb, "C2", "SupplierMSP/supplier2"));
        // revoke every ACTIVE commitment leader2 holds in C2 (earlier runs leave a fresh one behind)
        Result list = net.as("committee", "committee2").evaluate(Transaction.LIST_COMMITMENTS, "C2");
        for (var held : com.google.gson.JsonParser.parseString(list.text()).getAsJsonArray()) {
            var c = held.getAsJsonObject();
            if ("LeaderMSP/leader2".equals(c.get("party").getAsString())
                    && "ACTIVE".equals(c.get("status").getAsString())) {
                String id = c.get("id").getAsString();
                Fixtures.tolerate(() -> net.as("committee", "committee2").submit(Transaction.REVOKE, id,
                        "identity test"), "revoke " + id, "INVALID_STATE");
            }
        }
        net.waitInSync(30);
        Result after = Fixtures.must(() -> {
            Result r = net.as("leader", "leader2").evaluate(Transaction.OPEN, Fixtures.groupBuyJson(gb, "C2",
                    "SupplierMSP/supplier2"));
            return r.ok() ? new Result(false, "STILL_ALLOWED", "", null, r.txId()) : new Result(true, "", r.toString(),
                    null, r.txId());
        }, "leader2 refused after revocation");
        System.out.printf("identity: leader2 before revocation -> %s; after -> %s%n", before.outcome(), after.message());
        assertThat(after.message()).contains("[FORBIDDEN]");

        // leave leader2 able to act in C2 again (the demo and other tests use it): a fresh commitment
        String fresh = "CM-leader2-C2-" + gb.substring("GB-RV-".length());
        Fixtures.must(() -> net.as("leader", "leader2").submit(Transaction.SIGN,
                Fixtures.commitmentJson(fresh, "leader", "leader2", "C2")), "sign " + fresh);
        Fixtures.must(() -> net.as("committee", "committee2").submit(Transaction.COUNTERSIGN, fresh),
                "countersign " + fresh);
    }

    @Test
    void aUserRevokedAtTheCaIsRefusedOnceTheRevocationListIsOnTheChannel() throws Exception {
        RealNet net = RealNet.open();
        Fixtures.communitiesOn(net);
        // a throwaway leader of C1 (a revoked name can never be enrolled again)
        String name = "leaderrv" + Long.toString(System.currentTimeMillis() / 1000, 36);
        identityScript(net, "add", "leader", name, "leader", "C1");
        RealNet.Conn user = net.as("leader", name);
        String commitment = Fixtures.commitmentJson("CM-" + name + "-C1", "leader", name, "C1");
        // before: it reads, and the peers would endorse its commitment (endorsed only: nothing written)
        Result beforeRead = Fixtures.must(() -> user.evaluate(Transaction.LIST_GROUP_BUYS, "C1", "", "5", ""),
                name + " reads before revocation");
        Result beforeSign = Fixtures.must(() -> user.endorseOnly(Transaction.SIGN, commitment),
                name + " endorsed before revocation");

        identityScript(net, "revoke", "leader", name, "keycompromise");

        Result read = user.evaluate(Transaction.LIST_GROUP_BUYS, "C1", "", "5", "");
        Result write = user.submit(Transaction.SIGN, commitment);
        Result leader1 = net.as("leader", "leader1").evaluate(Transaction.LIST_GROUP_BUYS, "C1", "", "5", "");
        System.out.printf("identity: CA-revoked %s: before -> %s; after evaluate -> %s; submit -> %s%n", name,
                beforeRead.ok() && beforeSign.ok() ? "ok" : beforeRead + ", " + beforeSign, read.outcome(),
                write.outcome());
        assertThat(read.ok()).as("evaluate after revocation: " + read).isFalse();
        assertThat(write.ok()).as("submit after revocation: " + write).isFalse();
        // refused by the peer before the chaincode runs, not by the contract
        assertThat(read.code()).as(read.toString()).isNotIn(RealNet.CHAINCODE_CODES);
        assertThat(write.code()).as(write.toString()).isNotIn(RealNet.CHAINCODE_CODES);
        // Fabric's words for an identity of a known MSP that fails validation (here: revoked)
        assertThat(read.message()).contains("access denied").contains("creator org [LeaderMSP]");
        assertThat(leader1.ok()).as("leader1 of the same org after the update: " + leader1).isTrue();
    }
}
