package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The limits of docs/contract.md at the transactions: figures that would not fit a {@code long} and lists beyond
 * their caps are refused as {@code [INVALID_ARGUMENT]} naming the field, and nothing is written.
 */
class LimitsContractTest {
    /** Ten items at the largest price and quantity: one line is worth 10^18 cents, ten lines exceed a long. */
    private static final String BIG = "GB-BIG";
    private static final long LINE = 1_000_000L * 1_000_000_000_000L;
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet();
    }

    private void openBig() {
        net.community();
        net.commitments();
        final String items = IntStream.range(0, 10).mapToObj(i -> "{\"sku\":\"BIG" + i + "\",\"name\":\"Bulk " + i
                + "\",\"category\":\"GUARANTEE\",\"unitPriceCents\":1000000000000,\"maxPerHousehold\":1000000}")
                .collect(Collectors.joining(","));
        net.groupBuy.Open(net.as("leader1"), "{\"id\":\"" + BIG + "\",\"community\":\"C1\",\"supplier\":"
                + "\"SupplierMSP/supplier1\",\"items\":[" + items + "],\"minimum\":{\"quantity\":0},"
                + "\"cutoff\":\"2026-04-10T20:00:00Z\",\"handoverPoint\":\"HP1\",\"leaderFeePercent\":3}");
        net.groupBuy.Approve(net.as("committee1"), BIG);
    }

    private static String line(final int item) {
        return "{\"sku\":\"BIG" + item + "\",\"quantity\":1000000}";
    }

    /** {@code households} orders of one full line each, H-0.. */
    private static String fullLineOrders(final int households) {
        return IntStream.range(0, households).mapToObj(h -> TestNet.order("H-" + h, line(h)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String beyondALong(final String figure) {
        return "[INVALID_ARGUMENT] " + figure + " exceeds 9223372036854775807, the most a ledger figure holds; use "
                + "smaller quantities or amounts";
    }

    @Nested
    class OrdersPerGroupBuy {
        /** {@code count} one-line orders H-{@code from}.., as one AddHouseholdOrders batch. */
        private String batch(final int from, final int count) {
            return IntStream.range(from, from + count).mapToObj(h -> TestNet.order(String.format(
                    java.util.Locale.ROOT, "H-%05d", h), "{\"sku\":\"VEG\",\"quantity\":1}"))
                    .collect(Collectors.joining(",", "[", "]"));
        }

        @Test
        void closeCarriesAtMost5000OrdersAndSaysWhatToDoWithTheRest() {
            net.to(GroupBuyStatus.OPEN);
            for (int from = 0; from < 5000; from += 200) {
                net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, batch(from, 200));
            }
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, batch(5000, 1));
            net.fails("INVALID_STATE", () -> net.groupBuy.Close(net.as("leader1"), GB));
            assertThatThrownBy(() -> net.groupBuy.Close(net.as("leader1"), GB)).hasMessage("[INVALID_STATE] group "
                    + "buy GB-1 has 5001 orders; one Close reads and totals at most 5000 in one transaction: "
                    + "CancelHouseholdOrder the 1 beyond that and open another group buy for them");
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-05000");
            net.groupBuy.Close(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SUBMITTED);
            assertThat(net.stub.txWrites.keySet()).filteredOn(k -> k.contains("order")).isEmpty();
            assertThat(net.record("groupbuy", GB).get("households").getAsInt()).isEqualTo(5000);
        }
    }

    @Nested
    class AddHouseholdOrdersOverflow {
        @BeforeEach
        void open() {
            openBig();
        }

        @Test
        void anOrderWorthMoreThanALongIsRefusedNamingItsAmountNotAnArithmeticException() {
            final String lines = IntStream.range(0, 10).mapToObj(LimitsContractTest::line)
                    .collect(Collectors.joining(","));
            final String orders = "[" + TestNet.order("H-RICH", lines) + "]";
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), BIG, orders));
            assertThatThrownBy(() -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), BIG, orders))
                    .hasMessage(beyondALong("amountCents of household H-RICH"));
        }

        @Test
        void anOrderOfNineFullLinesIsPricedExactly() {
            final String lines = IntStream.range(0, 9).mapToObj(LimitsContractTest::line)
                    .collect(Collectors.joining(","));
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), BIG, "[" + TestNet.order("H-RICH", lines) + "]");
            assertThat(net.record("order", BIG, "H-RICH").get("amountCents").getAsLong()).isEqualTo(9 * LINE);
        }
    }

    @Nested
    class CloseOverflow {
        @BeforeEach
        void open() {
            openBig();
        }

        @Test
        void ordersWorthMoreThanALongTogetherAreRefusedAtCloseInsteadOfFailingOnAWrappedTotal() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), BIG, fullLineOrders(10));
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Close(net.as("leader1"), BIG));
            assertThatThrownBy(() -> net.groupBuy.Close(net.as("leader1"), BIG))
                    .hasMessage(beyondALong("orderedAmountCents"));
        }

        @Test
        void ordersWorthJustUnderALongCloseWithTheirExactTotal() {
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), BIG, fullLineOrders(9));
            net.groupBuy.Close(net.as("leader1"), BIG);
            final var gb = net.record("groupbuy", BIG);
            assertThat(gb.get("status").getAsString()).isEqualTo("SUBMITTED");
            assertThat(gb.get("orderedAmountCents").getAsLong()).isEqualTo(9 * LINE);
        }
    }

    /** {@code n} distinct lowercase hex SHA-256 shaped hashes. */
    private static String hashes(final int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + String.format(java.util.Locale.ROOT, "%064x", i + 1) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Nested
    class PackCaps {
        @BeforeEach
        void accepted() {
            net.to(GroupBuyStatus.ACCEPTED);
        }

        /** {@code n} lots of one VEG box each and {@code evidence} hashes. */
        private String pack(final int n, final int evidence) {
            return IntStream.range(0, n).mapToObj(i -> "{\"sku\":\"VEG\",\"lot\":\"L" + i + "\",\"quantity\":1}")
                    .collect(Collectors.joining(",", "{\"lots\":[", "],\"evidenceHashes\":" + hashes(evidence) + "}"));
        }

        @Test
        void twoHundredLotsAndTwentyEvidenceHashesArePacked() {
            net.groupBuy.Pack(net.as("supplier1"), GB, pack(200, 20));
            final var gb = net.record("groupbuy", GB);
            assertThat(gb.get("packed").toString()).isEqualTo("{\"VEG\":200}");
            assertThat(gb.getAsJsonArray("lots")).hasSize(200);
            assertThat(net.stub.txEvents.get(0)[1]).contains(String.format(java.util.Locale.ROOT, "%064x", 20));
        }

        @Test
        void aPackOf201LotsIsRefusedNamingTheCap() {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Pack(net.as("supplier1"), GB, pack(201, 1)));
            assertThatThrownBy(() -> net.groupBuy.Pack(net.as("supplier1"), GB, pack(201, 1)))
                    .hasMessage("[INVALID_ARGUMENT] packJson.lots: list at most 200 lots, got 201");
        }

        @Test
        void aPackCiting21EvidenceHashesIsRefusedNamingTheCap() {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Pack(net.as("supplier1"), GB, pack(1, 21)));
            assertThatThrownBy(() -> net.groupBuy.Pack(net.as("supplier1"), GB, pack(1, 21)))
                    .hasMessage("[INVALID_ARGUMENT] packJson.evidenceHashes: list at most 20 hashes, got 21");
        }
    }

    @Nested
    class ArriveCaps {
        @BeforeEach
        void inTransit() {
            net.to(GroupBuyStatus.IN_TRANSIT);
        }

        /** What arrived in full, with {@code n} staff on duty. */
        private String received(final int n) {
            return IntStream.range(0, n).mapToObj(i -> "{\"staffRef\":\"V-" + i + "\",\"temperatureCheckHash\":\""
                    + String.format(java.util.Locale.ROOT, "%064x", i + 1) + "\"}").collect(Collectors.joining(",",
                    "{\"received\":[{\"sku\":\"VEG\",\"quantity\":3},{\"sku\":\"MILK\",\"quantity\":1}],\"staff\":[",
                    "]}"));
        }

        @Test
        void fiftyStaffOnDutyAreRecordedAsEvidence() {
            net.groupBuy.Arrive(net.as("volunteer1"), GB, received(50));
            assertThat(net.status()).isEqualTo(GroupBuyStatus.ARRIVED);
            assertThat(net.stub.txEvents.get(0)[1]).contains(String.format(java.util.Locale.ROOT, "%064x", 50));
        }

        @Test
        void fiftyOneStaffAreRefusedNamingTheCap() {
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Arrive(net.as("volunteer1"), GB, received(51)));
            assertThatThrownBy(() -> net.groupBuy.Arrive(net.as("volunteer1"), GB, received(51)))
                    .hasMessage("[INVALID_ARGUMENT] staff: list at most 50 on duty, got 51");
        }
    }
}
