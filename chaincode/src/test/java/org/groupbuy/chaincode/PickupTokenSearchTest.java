package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.chaincode.TestNet.GB;
import static org.groupbuy.chaincode.TestNet.H1;
import static org.groupbuy.chaincode.TestNet.H2;
import static org.groupbuy.chaincode.TestNet.H3;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.junit.jupiter.api.Test;

/**
 * An attacker who holds every public record of a settled group buy (its state: group buy, orders, payments,
 * events; and every event emitted) tries to find a household's pickup token. The tokens are drawn as the leader's
 * client draws them: 16 characters of Crockford's base32, 80 bits. A control household with an old six-digit code
 * shows that the same search does find a code from a space that small.
 */
class PickupTokenSearchTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int SIX_DIGITS = 1_000_000;

    private static String token(final SecureRandom random) {
        final StringBuilder t = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            t.append(i > 0 && i % 4 == 0 ? "-" : "").append(ALPHABET.charAt(random.nextInt(32)));
        }
        return t.toString();
    }

    private static String order(final String household, final String lines, final String salt, final String code) {
        return "{\"household\":\"" + household + "\",\"lines\":[" + lines + "],\"pickupSalt\":\"" + salt
                + "\",\"pickupCodeHash\":\"" + HouseholdOrder.sha256Hex(salt + ":" + HouseholdOrder.canonicalToken(code))
                + "\"}";
    }

    @Test
    void everyPublicRecordOfASettledGroupBuyLeavesAHouseholdsTokenUnfound() {
        final SecureRandom random = new SecureRandom();
        final TreeMap<String, String> tokens = new TreeMap<>();
        tokens.put("H-001", token(random));
        tokens.put("H-002", token(random));
        final TestNet net = new TestNet().to(GroupBuyStatus.OPEN);
        final String control = String.format(Locale.ROOT, "%06d", random.nextInt(SIX_DIGITS));
        net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "["
                + order("H-001", "{\"sku\":\"VEG\",\"quantity\":2}", "a1b2c3d4e5f60718", tokens.get("H-001")) + ","
                + order("H-002", "{\"sku\":\"VEG\",\"quantity\":1},{\"sku\":\"MILK\",\"quantity\":1}",
                        "0f1e2d3c4b5a6978", tokens.get("H-002")) + ","
                + order("H-003", "{\"sku\":\"MILK\",\"quantity\":1}", "99aa88bb77cc66dd", control) + "]");
        net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-003");
        net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "7000", H1);
        net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-002", "9500", H2);
        net.groupBuy.Close(net.as("leader1"), GB);
        net.groupBuy.Accept(net.as("supplier1"), GB, "2026-04-11T06:00:00Z");
        net.groupBuy.Pack(net.as("supplier1"), GB, TestNet.PACK);
        net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-11T09:00:00Z");
        net.groupBuy.ApproveArrival(net.as("committee1"), GB);
        net.groupBuy.Dispatch(net.as("courier1"), GB, TestNet.DISPATCH);
        net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(3, 1, null));
        net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "60");
        net.advance(Duration.ofMinutes(61));
        // the resident reads the slip aloud; the volunteer types it without dashes, in small letters
        net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001",
                tokens.get("H-001").replace("-", "").toLowerCase(Locale.ROOT));
        net.groupBuy.Deliver(net.as("leader1"), GB, "H-002", tokens.get("H-002"));
        net.groupBuy.Complete(net.as("leader1"), GB);
        net.paySupplier("16100");
        net.groupBuy.Settle(net.as("committee1"), GB);
        assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);

        // everything public: every key and value of the world state, every event's name and payload
        final List<String> records = new ArrayList<>();
        net.stub.state.forEach((k, v) -> records.add(k + "\n" + v));
        net.stub.allEvents.forEach(e -> records.add(e[0] + "\n" + e[1]));
        final String everything = String.join("\n", records).toUpperCase(Locale.ROOT);
        tokens.values().forEach(t -> {
            assertThat(everything).doesNotContain(t).doesNotContain(HouseholdOrder.canonicalToken(t));
        });

        // the attacker's candidates: every string and number in the records, and every six-digit code
        final TreeSet<String> candidates = new TreeSet<>();
        net.stub.state.values().forEach(v -> collect(JsonParser.parseString(v), candidates));
        net.stub.allEvents.forEach(e -> collect(JsonParser.parseString(e[1]), candidates));
        final TreeMap<String, String> found = new TreeMap<>();
        long tries = 0;
        final long start = System.nanoTime();
        for (final String household : List.of("H-001", "H-002", "H-003")) {
            final var o = net.record("order", GB, household);
            final String salt = o.get("pickupSalt").getAsString();
            final String hash = o.get("pickupCodeHash").getAsString();
            for (final String c : candidates) {
                tries++;
                if (HouseholdOrder.sha256Hex(salt + ":" + HouseholdOrder.canonicalToken(c)).equals(hash)) {
                    found.put(household, c);
                }
            }
            final MessageDigest sha = sha256();
            final byte[] target = HexFormat.of().parseHex(hash);
            final byte[] input = (salt + ":000000").getBytes(StandardCharsets.US_ASCII);
            for (int n = 0; n < SIX_DIGITS; n++) {
                tries++;
                for (int i = 0, rest = n; i < 6; i++, rest /= 10) {
                    input[input.length - 1 - i] = (byte) ('0' + rest % 10);
                }
                if (MessageDigest.isEqual(sha.digest(input), target)) {
                    found.put(household, new String(input, input.length - 6, 6, StandardCharsets.US_ASCII));
                }
            }
        }
        final double perSecond = tries / ((System.nanoTime() - start) / 1e9);
        final BigInteger space = BigInteger.valueOf(32).pow(16);
        final double years = space.doubleValue() / perSecond / (365.25 * 24 * 3600);
        System.out.printf(Locale.ROOT, "pickup token search: %d public records (%d state keys, %d events), %d "
                + "candidates from them + %d six-digit codes per order, %d hashes at %.0f/s: found %s; a token's key "
                + "space is 32^16 = 2^%d = %s, about %.1e years of this search on one thread%n", records.size(),
                net.stub.state.size(), net.stub.allEvents.size(), candidates.size(), SIX_DIGITS, tries, perSecond,
                found, space.bitLength() - 1, space, years);

        assertThat(found).as("only the control household's six-digit code is found").containsExactly(
                java.util.Map.entry("H-003", control));
        assertThat(space).isEqualTo(BigInteger.TWO.pow(80));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(final JsonElement e, final TreeSet<String> out) {
        if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> {
                out.add(x.getKey());
                collect(x.getValue(), out);
            });
        }
    }
}
