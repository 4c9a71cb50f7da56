package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupbuy.chaincode.TestNet.GB;

import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text that goes on the public ledger (undeliverable reason, dispute reason, checkpoint note) holds no numbers. */
class PublicFreeTextTest {
    private static final String REFUSAL = " goes on the public ledger and may not hold three or more digits in a row or "
            + "an '@' (no phone, door or id numbers, no e-mail); say what happened in words, and keep personal details "
            + "to the private details";

    @Nested
    class TheRule {
        @ParameterizedTest
        @ValueSource(strings = {"not home", "cold chain 2C", "sealed, -18C", "2 boxes crushed", "left with neighbour"})
        void wordsAndShortFiguresPass(final String text) {
            assertThat(Args.publicText(text, "reason", 300)).isEqualTo(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"call 13912345678", "call 139 1234 5678", "139-1234-5678", "+86 (21) 5555",
            "Room 301", "id 110105", "wang.li@example.cn"})
        void phoneDoorIdNumbersAndEmailAreRefusedNamingTheField(final String text) {
            assertThatThrownBy(() -> Args.publicText(text, "reason", 300))
                    .hasMessage("[INVALID_ARGUMENT] reason" + REFUSAL);
        }
    }

    @Nested
    class OnTheTransactions {
        private final TestNet net = new TestNet();

        @Test
        void anUndeliverableReasonWithAPhoneNumberIsRefusedAndChangesNothing() {
            net.delivering();
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002",
                    "moved away, call 139 1234 5678"));
            assertThat(net.orderStatus("H-002")).isEqualTo("CONFIRMED");
            net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, "H-002", "not home");
            assertThat(net.orderStatus("H-002")).isEqualTo("UNDELIVERABLE");
        }

        @Test
        void aDisputeReasonWithADoorNumberIsRefused() {
            net.delivering();
            assertThatThrownBy(() -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001", "Room 1203 got spoiled eggs",
                    "100")).hasMessage("[INVALID_ARGUMENT] reason" + REFUSAL);
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.OpenDispute(net.as("leader1"), GB, "H-001",
                    "Room 1203 got spoiled eggs", "100"));
        }

        @Test
        void aCheckpointNoteWithAnEmailIsRefusedAndAnEmptyNoteStillPasses() {
            net.to(GroupBuyStatus.IN_TRANSIT);
            net.fails("INVALID_ARGUMENT", () -> net.groupBuy.Checkpoint(net.as("courier1"), GB, "Toll gate 3",
                    "driver: zhang@example.cn"));
            net.groupBuy.Checkpoint(net.as("courier1"), GB, "Toll gate 3", "");
            assertThat(net.lastEventName()).isEqualTo("CheckpointRecorded");
        }
    }
}
