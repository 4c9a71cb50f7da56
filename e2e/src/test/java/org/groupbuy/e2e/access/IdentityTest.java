package org.groupbuy.e2e.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.groupbuy.e2e.access.RealNet.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Identities the network must refuse: a certificate from a CA outside the consortium (made with
 * openssl, with the Fabric CA attribute extension role=leader, community=C1) and a leader whose
 * commitment was revoked by the committee.
 */
@Tag("e2e")
class IdentityTest {

    static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + Files.readString(dir.resolve("openssl.log")))
                .isZero();
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
            Result read = rogue.evaluate("Audit:ListGroupBuys", "C1", "", "5", "");
            Result write = rogue.submit("GroupBuy:Open", Fixtures.groupBuyJson("GB-ROGUE-" + System.nanoTime() % 100000,
                    "C1", "SupplierMSP/supplier1"));
            System.out.printf("identity: foreign-CA leader1 certificate: evaluate -> %s; submit -> %s%n", read, write);
            assertThat(read.ok()).isFalse();
            assertThat(write.ok()).isFalse();
            assertThat(read.code()).isNotIn("INVALID_ARGUMENT", "NOT_FOUND", "INVALID_STATE", "CONFLICT");
        }
    }

    @Test
    void aLeaderWhoseCommitmentWasRevokedIsRefused() throws Exception {
        RealNet net = RealNet.open();
        Fixtures.communitiesOn(net);
        String gb = "GB-RV-" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
        // before: leader2 may open in C2 (evaluate only)
        Result before = net.as("leader", "leader2").evaluate("GroupBuy:Open",
                Fixtures.groupBuyJson(gb, "C2", "SupplierMSP/supplier2"));
        // revoke every ACTIVE commitment leader2 holds in C2 (earlier runs leave a fresh one behind)
        Result list = net.as("committee", "committee2").evaluate("Commitment:List", "C2");
        for (var held : com.google.gson.JsonParser.parseString(list.text()).getAsJsonArray()) {
            var c = held.getAsJsonObject();
            if ("LeaderMSP/leader2".equals(c.get("party").getAsString())
                    && "ACTIVE".equals(c.get("status").getAsString())) {
                String id = c.get("id").getAsString();
                Fixtures.tolerate(() -> net.as("committee", "committee2").submit("Commitment:Revoke", id,
                        "identity test"), "revoke " + id, "INVALID_STATE");
            }
        }
        net.waitInSync(30);
        Result after = Fixtures.must(() -> {
            Result r = net.as("leader", "leader2").evaluate("GroupBuy:Open", Fixtures.groupBuyJson(gb, "C2",
                    "SupplierMSP/supplier2"));
            return r.ok() ? new Result(false, "STILL_ALLOWED", "", null, r.txId()) : new Result(true, "", r.toString(),
                    null, r.txId());
        }, "leader2 refused after revocation");
        System.out.printf("identity: leader2 before revocation -> %s; after -> %s%n", before.outcome(), after.message());
        assertThat(after.message()).contains("[FORBIDDEN]");

        // leave leader2 able to act in C2 again (the demo and other tests use it): a fresh commitment
        String fresh = "CM-leader2-C2-" + gb.substring("GB-RV-".length());
        Fixtures.must(() -> net.as("leader", "leader2").submit("Commitment:Sign",
                Fixtures.commitmentJson(fresh, "leader", "leader2", "C2")), "sign " + fresh);
        Fixtures.must(() -> net.as("committee", "committee2").submit("Commitment:Countersign", fresh),
                "countersign " + fresh);
    }
}
