package org.groupbuy.e2e.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
import org.groupbuy.client.orders.PickupCode;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, acceptance 2, on the real network: a member of the channel who reads every block (through its own
 * peer: orders, their salts and hashes, the details' hashes, the events, every argument of every transaction)
 * tries to find a household's pickup token while the goods wait to be handed over. The tokens are drawn by the
 * leader's own import code; a control household with an old six-digit code shows that the same search finds a
 * code from a space that small.
 */
@Tag("e2e")
class PickupTokenSearchE2eTest {
    private static final int SIX_DIGITS = 1_000_000;
    /** Every run of letters, digits and dashes in a block: each is a guess (JSON values, keys, ids, arguments). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9-]{4,80}");

    @Test
    void everyBlockOfAClosedGroupBuyLeavesItsHouseholdsTokensUnfound() throws Exception {
        RealNet net = RealNet.open();
        Fixtures fixtures = Fixtures.communitiesOn(net);
        String gb = "GB-TOKENS-" + fixtures.run;
        RealNet.Conn leader = net.as("leader", "leader1");
        long from = net.height("regulator");
        Fixtures.must(() -> leader.submit(Transaction.OPEN, Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1")),
                "open " + gb);
        Fixtures.must(() -> net.as("committee", "committee1").submit(Transaction.APPROVE, gb), "approve " + gb);

        // two households through the leader's import code (tokens drawn by it, details sent apart) ...
        HouseholdImport sheet = new HouseholdImport(new GroupBuyLedger(leader.chaincode()), gb, new SecureRandom());
        List<HouseholdOrder> batch = List.of(
                new HouseholdOrder("H-001", "Wang Fang", "13800000001", "Building 3 Room 301", Map.of("RICE-5KG", 2), false),
                new HouseholdOrder("H-002", "Li Wei", "13800000002", "Building 5 Room 102", Map.of("EGGS-30", 1), false));
        Map<String, PickupCode> tokens = new LinkedHashMap<>(sheet.sendOrders(batch));
        sheet.submitDetails(batch).commit();
        // ... and a control household with a six-digit code, as orders were before the tokens
        String control = Fixtures.code(gb, "H-003");
        Fixtures.must(() -> leader.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb,
                "[" + Fixtures.order(gb, "H-003", 1, 0) + "]"), "control order of " + gb);
        Fixtures.must(() -> leader.submit(Transaction.CLOSE, gb), "close " + gb);
        assertThat(net.waitInSync(30)).as("peers in sync").isTrue();

        // everything the regulator's peer holds of these steps: the raw blocks
        long to = net.height("regulator");
        StringBuilder everything = new StringBuilder();
        TreeSet<String> candidates = new TreeSet<>();
        long bytes = 0;
        for (long n = from; n < to; n++) {
            byte[] block = net.block("regulator", n);
            bytes += block.length;
            String text = new String(block, StandardCharsets.ISO_8859_1);
            everything.append(text.toUpperCase(Locale.ROOT)).append('\n');
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                candidates.add(m.group());
            }
        }
        for (PickupCode t : tokens.values()) {
            assertThat(everything).as("a token in the blocks").doesNotContain(t.code())
                    .doesNotContain(PickupCode.canonical(t.code()));
        }

        Map<String, String[]> hashes = new TreeMap<>();
        for (JsonElement o : Fixtures.must(net.as("regulator", "regulator1").evaluate(Transaction.LIST_HOUSEHOLD_ORDERS,
                gb, "10", ""), "orders of " + gb).json().getAsJsonArray("records")) {
            hashes.put(o.getAsJsonObject().get("household").getAsString(), new String[] {
                o.getAsJsonObject().get("pickupSalt").getAsString(), o.getAsJsonObject().get("pickupCodeHash").getAsString()});
        }
        assertThat(hashes.keySet()).containsExactly("H-001", "H-002", "H-003");

        MessageDigest sha = sha256();
        Map<String, String> found = new TreeMap<>();
        long tries = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String[]> h : hashes.entrySet()) {
            String salt = h.getValue()[0];
            byte[] target = HexFormat.of().parseHex(h.getValue()[1]);
            for (String c : candidates) {
                tries++;
                if (MessageDigest.isEqual(sha.digest((salt + ":" + PickupCode.canonical(c)).getBytes(StandardCharsets.UTF_8)),
                        target)) {
                    found.put(h.getKey(), c);
                }
            }
            byte[] input = (salt + ":000000").getBytes(StandardCharsets.US_ASCII);
            for (int n = 0; n < SIX_DIGITS; n++) {
                tries++;
                for (int i = 0, rest = n; i < 6; i++, rest /= 10) {
                    input[input.length - 1 - i] = (byte) ('0' + rest % 10);
                }
                if (MessageDigest.isEqual(sha.digest(input), target)) {
                    found.put(h.getKey(), new String(input, input.length - 6, 6, StandardCharsets.US_ASCII));
                }
            }
        }
        double perSecond = tries / ((System.nanoTime() - start) / 1e9);
        BigInteger space = BigInteger.valueOf(PickupCode.ALPHABET.length()).pow(PickupCode.LENGTH);
        System.out.printf(Locale.ROOT, "pickup token search (real network): blocks %d..%d of the regulator's peer, %d "
                + "bytes, %d candidates from them + %d six-digit codes per order, %d hashes at %.0f/s: found %s; a "
                + "token's key space is 32^16 = 2^%d = %s, about %.1e years of this search on one thread%n", from,
                to - 1, bytes, candidates.size(), SIX_DIGITS, tries, perSecond, found, space.bitLength() - 1, space,
                space.doubleValue() / perSecond / (365.25 * 24 * 3600));

        assertThat(found).as("only the control household's six-digit code is found")
                .containsExactly(Map.entry("H-003", control));
        assertThat(space).isEqualTo(BigInteger.TWO.pow(PickupCode.BITS));
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
