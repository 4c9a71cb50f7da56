package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonObject;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Money between the leader and the supplier counts at Settle only once the side that received it confirmed it;
 * the side that recorded it withdraws it if it never arrived (issue 12: Settle trusted the leader's own figures).
 */
class SupplierMoneyContractTest {
    private TestNet net;

    @BeforeEach
    void completed() {
        net = new TestNet().to(GroupBuyStatus.COMPLETED);
    }

    private String recordPayment(final String cents) {
        return TestNet.entryId(net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, cents, TestNet.H3));
    }

    private String recordRefund(final String cents) {
        return TestNet.entryId(net.groupBuy.RecordSupplierRefund(net.as("supplier1"), GB, cents, TestNet.H2));
    }

    /** The only key the step wrote besides its trace is the entry; the group buy record is untouched. */
    private JsonObject writtenEntry(final String type, final String id) {
        final String key = FakeStub.key(type, GB, id);
        assertThat(net.stub.txWrites.keySet()).contains(key).doesNotContain(FakeStub.key("groupbuy", GB));
        assertThat(net.stub.txWrites.keySet()).filteredOn(k -> !k.contains("trace")).containsExactly(key);
        return com.google.gson.JsonParser.parseString(net.stub.txWrites.get(key)).getAsJsonObject();
    }

    private String now() {
        return net.clock.toString();
    }

    @Nested
    class ConfirmSupplierPayment {
        @Test
        void theGroupBuysSupplierConfirmsAndOnlyThePaymentKeyChanges() {
            final String id = recordPayment("16100");
            assertThat(net.record("supplierPayment", GB, id).get("confirmation").getAsString())
                    .isEqualTo("UNCONFIRMED");
            net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id);
            final JsonObject entry = writtenEntry("supplierPayment", id);
            assertThat(entry.get("confirmation").getAsString()).isEqualTo("CONFIRMED");
            assertThat(entry.get("confirmationBy").getAsString()).isEqualTo("SupplierMSP/supplier1");
            assertThat(entry.get("confirmationAt").getAsString()).isEqualTo(now());
            assertThat(entry.get("amountCents").getAsLong()).isEqualTo(16100);
            assertThat(entry.get("actor").getAsString()).isEqualTo("LeaderMSP/leader1");
            assertThat(net.lastEventName()).isEqualTo("SupplierPaymentConfirmed");
        }

        @Test
        void anotherSupplierOrTheLeaderIsRefusedAndNothingIsWritten() {
            final String id = recordPayment("16100");
            net.fails("FORBIDDEN", () -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier2"), GB, id));
            net.fails("FORBIDDEN", () -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier2"), GB,
                    TestNet.txId(999)));
            assertThatThrownBy(() -> net.groupBuy.ConfirmSupplierPayment(net.as("leader1"), GB, id))
                    .hasMessageStartingWith("[FORBIDDEN] GroupBuy:ConfirmSupplierPayment is for [supplier]");
            assertThat(net.record("supplierPayment", GB, id).get("confirmation").getAsString())
                    .isEqualTo("UNCONFIRMED");
        }

        @Test
        void anUnknownIdOrARefundsIdIsNotFound() {
            recordPayment("16100");
            final String refund = recordRefund("100");
            net.fails("NOT_FOUND", () -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB,
                    TestNet.txId(999)));
            net.fails("NOT_FOUND", () -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, refund));
        }

        @Test
        void aPaymentIsAnsweredOnce() {
            final String id = recordPayment("16100");
            net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id);
            net.fails("INVALID_STATE", () -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id));
            assertThatThrownBy(() -> net.groupBuy.WithdrawSupplierPayment(net.as("leader1"), GB, id)).hasMessage(
                    "[INVALID_STATE] supplierPayment " + id + " is CONFIRMED; WithdrawSupplierPayment needs "
                            + "UNCONFIRMED");
        }

        @Test
        void afterSettleNothingIsAnswered() {
            final String id = net.paySupplier("16100");
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThatThrownBy(() -> net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id))
                    .hasMessageStartingWith("[INVALID_STATE] group buy GB-1 is SETTLED; ConfirmSupplierPayment needs "
                            + "ACCEPTED or");
        }
    }

    @Nested
    class WithdrawSupplierPayment {
        @Test
        void theLeaderWithdrawsAnUnconfirmedPaymentWhichThenCountsNowhere() {
            final String id = recordPayment("16100");
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, "16100",
                    TestNet.H3));
            net.groupBuy.WithdrawSupplierPayment(net.as("leader1"), GB, id);
            final JsonObject entry = writtenEntry("supplierPayment", id);
            assertThat(entry.get("confirmation").getAsString()).isEqualTo("WITHDRAWN");
            assertThat(entry.get("confirmationBy").getAsString()).isEqualTo("LeaderMSP/leader1");
            assertThat(net.lastEventName()).isEqualTo("SupplierPaymentWithdrawn");
            net.paySupplier("16100");
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThat(net.record("groupbuy", GB).getAsJsonObject("settlement").get("supplierPaidCents").getAsLong())
                    .isEqualTo(16100);
        }

        @Test
        void theSupplierCannotWithdrawItAndAConfirmedOneStays() {
            final String id = recordPayment("16100");
            net.fails("FORBIDDEN", () -> net.groupBuy.WithdrawSupplierPayment(net.as("supplier1"), GB, id));
            net.fails("FORBIDDEN", () -> net.groupBuy.WithdrawSupplierPayment(net.as("leader2"), GB, id));
            net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id);
            net.fails("INVALID_STATE", () -> net.groupBuy.WithdrawSupplierPayment(net.as("leader1"), GB, id));
        }
    }

    @Nested
    class ConfirmSupplierRefund {
        @Test
        void theLeaderConfirmsWhatTheSupplierPaidBack() {
            net.paySupplier("16100");
            final String id = recordRefund("300");
            net.fails("FORBIDDEN", () -> net.groupBuy.ConfirmSupplierRefund(net.as("supplier1"), GB, id));
            net.groupBuy.ConfirmSupplierRefund(net.as("leader1"), GB, id);
            final JsonObject entry = writtenEntry("supplierRefund", id);
            assertThat(entry.get("confirmation").getAsString()).isEqualTo("CONFIRMED");
            assertThat(entry.get("confirmationBy").getAsString()).isEqualTo("LeaderMSP/leader1");
            assertThat(net.lastEventName()).isEqualTo("SupplierRefundConfirmed");
        }
    }

    @Nested
    class WithdrawSupplierRefund {
        @Test
        void theSupplierWithdrawsAnUnconfirmedRefundAndTheLeaderCannot() {
            net.paySupplier("16100");
            final String id = recordRefund("300");
            net.fails("FORBIDDEN", () -> net.groupBuy.WithdrawSupplierRefund(net.as("leader1"), GB, id));
            net.groupBuy.WithdrawSupplierRefund(net.as("supplier1"), GB, id);
            assertThat(writtenEntry("supplierRefund", id).get("confirmation").getAsString()).isEqualTo("WITHDRAWN");
            assertThat(net.lastEventName()).isEqualTo("SupplierRefundWithdrawn");
            net.fails("INVALID_STATE", () -> net.groupBuy.ConfirmSupplierRefund(net.as("leader1"), GB, id));
            net.groupBuy.Settle(net.as("committee1"), GB);
            assertThat(net.record("groupbuy", GB).getAsJsonObject("settlement").get("supplierRefundedCents")
                    .getAsLong()).isZero();
        }
    }

    @Nested
    class Settle {
        @Test
        void waitsForTheSupplierToConfirmItsPaymentNamingItAndWhatToDo() {
            final String id = recordPayment("16100");
            net.fails("INVALID_STATE", () -> net.groupBuy.Settle(net.as("committee1"), GB));
            assertThatThrownBy(() -> net.groupBuy.Settle(net.as("leader1"), GB)).hasMessage("[INVALID_STATE] "
                    + "supplier payment " + id + " of 16100 cents to GB-1 is not confirmed; its supplier "
                    + "SupplierMSP/supplier1 must ConfirmSupplierPayment it, or the leader WithdrawSupplierPayment it "
                    + "if it was never paid, before Settle");
            net.groupBuy.ConfirmSupplierPayment(net.as("supplier1"), GB, id);
            net.groupBuy.Settle(net.as("leader1"), GB);
            assertThat(net.status()).isEqualTo(GroupBuyStatus.SETTLED);
        }

        @Test
        void waitsForTheLeaderToConfirmASupplierRefund() {
            net.paySupplier("16100");
            final String id = recordRefund("200");
            assertThatThrownBy(() -> net.groupBuy.Settle(net.as("committee1"), GB)).hasMessage("[INVALID_STATE] "
                    + "supplier refund " + id + " of 200 cents to GB-1 is not confirmed; its leader LeaderMSP/leader1 "
                    + "must ConfirmSupplierRefund it, or the supplier WithdrawSupplierRefund it if it was never paid "
                    + "back, before Settle");
            assertThat(net.status()).isEqualTo(GroupBuyStatus.COMPLETED);
        }
    }
}
