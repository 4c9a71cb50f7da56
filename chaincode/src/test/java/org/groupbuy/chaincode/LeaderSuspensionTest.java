package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import java.time.Duration;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A leader whose commitment the committee suspended takes nothing new and no money in; refunds and disputes stay
 * open to it, and the committee and its volunteers finish the group buy for the residents.
 */
class LeaderSuspensionTest {
    private static final String REFUSED = "[FORBIDDEN] LeaderMSP/leader1 has no ACTIVE commitment in community C1; "
            + "Sign one and have the committee of C1 countersign it";
    private TestNet net;

    private void suspendLeader() {
        net.commitment.Suspend(net.as("committee1"), "CM-L1", "complaints about prices");
    }

    private void refusedAndNothingWritten(final Runnable call) {
        final var before = new java.util.TreeMap<>(net.stub.state);
        assertThatThrownBy(call::run).hasMessage(REFUSED);
        assertThat(net.stub.state).isEqualTo(before);
    }

    @Nested
    class WhileOpen {
        @BeforeEach
        void setUp() {
            net = new TestNet().to(GroupBuyStatus.OPEN);
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, TestNet.ORDERS);
            net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-001", "7000", TestNet.H1);
            suspendLeader();
        }

        @Test
        void theSuspendedLeaderAddsNoOrdersAndTakesNoMoney() {
            refusedAndNothingWritten(() -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB,
                    "[" + TestNet.order("H-003", "{\"sku\":\"VEG\",\"quantity\":1}") + "]"));
            refusedAndNothingWritten(() -> net.groupBuy.RecordPayment(net.as("leader1"), GB, "H-002", "9500",
                    TestNet.H2));
            refusedAndNothingWritten(() -> net.groupBuy.Close(net.as("leader1"), GB));
            refusedAndNothingWritten(() -> net.groupBuy.Cancel(net.as("leader1"), GB, "leaving"));
        }

        @Test
        void theSuspendedLeaderStillCancelsAnOrderAtTheHouseholdsWish() {
            net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, "H-001");
            assertThat(net.orderStatus("H-001")).isEqualTo("CANCELLED");
        }
    }

    @Nested
    class DuringDistribution {
        @BeforeEach
        void setUp() {
            net = new TestNet().to(GroupBuyStatus.DISINFECTED);
            net.advance(Duration.ofMinutes(61));
            suspendLeader();
        }

        @Test
        void theLeaderNoLongerHandsOverButVolunteersAndTheCommitteeFinishAndSettle() {
            refusedAndNothingWritten(() -> net.groupBuy.Deliver(net.as("leader1"), GB, "H-001", "code-H-001"));
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-001", "code-H-001");
            net.groupBuy.Deliver(net.as("volunteer1"), GB, "H-002", "code-H-002");
            refusedAndNothingWritten(() -> net.groupBuy.Complete(net.as("leader1"), GB));
            net.groupBuy.Complete(net.as("committee1"), GB);
            refusedAndNothingWritten(() -> net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, "16100",
                    TestNet.H3));
            refusedAndNothingWritten(() -> net.groupBuy.Settle(net.as("leader1"), GB));
            assertThat(net.status()).isEqualTo(GroupBuyStatus.COMPLETED);
        }

        @Test
        void theSuspendedLeaderRefundsAHouseholdThatCouldNotBeServed() {
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002", "not home");
            net.groupBuy.RecordRefund(net.as("leader1"), GB, "H-002", "9500", TestNet.H2);
            assertThat(net.orderStatus("H-002")).isEqualTo("REFUNDED");
        }

        @Test
        void reinstatedTheLeaderActsAgain() {
            net.commitment.Reinstate(net.as("committee1"), "CM-L1");
            net.groupBuy.Deliver(net.as("leader1"), GB, "H-001", "code-H-001");
            assertThat(net.orderStatus("H-001")).isEqualTo("DELIVERED");
        }
    }
}
