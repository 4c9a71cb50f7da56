package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        net.community();
        net.commitments();
    }

    private void openBig() {
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
}
