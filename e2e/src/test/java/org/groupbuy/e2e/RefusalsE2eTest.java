package org.groupbuy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calls the chaincode must refuse, each with its exact [CODE] as the endorsement error carries it, and
 * each leaving the ledger as it was.
 */
@Tag("e2e")
class RefusalsE2eTest {
    private static GroupBuyFixture pending;
    private static GroupBuyFixture open;

    @BeforeAll
    static void twoGroupBuys() {
        pending = GroupBuyFixture.open("refuse-pending", false);
        open = GroupBuyFixture.open("refuse-open", true);
    }

    @Test
    void onlyTheCommitteeOfTheCommunityApproves() {
        assertThat(TestCommunity.courier().refusedSubmit(Transaction.APPROVE, pending.id)).startsWith("[FORBIDDEN]");
        assertThat(TestCommunity.supplier().refusedSubmit(Transaction.APPROVE, pending.id)).startsWith("[FORBIDDEN]");
        assertThat(Ledger.as("committee", "committee1").refusedSubmit(Transaction.APPROVE, pending.id))
                .startsWith("[FORBIDDEN]");
        assertThat(Ledger.as("committee", "volunteer3").refusedSubmit(Transaction.APPROVE, pending.id))
                .startsWith("[FORBIDDEN]");
        assertThat(pending.status()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aSupplierCannotOpenAGroupBuy() {
        GroupBuyFixture notOpened = GroupBuyFixture.unopened("refuse-never");
        assertThat(TestCommunity.supplier().refusedSubmit(Transaction.OPEN, notOpened.openJson())).startsWith("[FORBIDDEN]");
        assertThat(TestCommunity.regulator().refusedEvaluate(Transaction.GET_GROUP_BUY, notOpened.id))
                .startsWith("[NOT_FOUND]");
    }

    @Test
    void theSupplierCannotAcceptBeforeTheLeaderCloses() {
        String shipBy = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(TestCommunity.supplier().refusedSubmit(Transaction.ACCEPT, open.id, shipBy))
                .startsWith("[INVALID_STATE] group buy " + open.id + " is OPEN; Accept needs SUBMITTED");
        assertThat(open.status()).isEqualTo("OPEN");
    }

    @Test
    void householdOrdersRefusePersonalDetailsOnThePublicLedger() {
        String withName = "[{\"household\":\"H-009\",\"name\":\"Wang Fang\",\"lines\":[{\"sku\":\"RICE-5KG\",\"quantity\":1}],"
                + "\"pickupSalt\":\"ab\",\"pickupCodeHash\":\"" + GroupBuyFixture.hash("x") + "\",\"offline\":false}]";

        assertThat(TestCommunity.leader().refusedSubmit(Transaction.ADD_HOUSEHOLD_ORDERS, open.id, withName))
                .startsWith("[INVALID_ARGUMENT]");
        assertThat(open.orders()).doesNotContainKey("H-009");
    }

    @Test
    void aLeaderOfAnotherCommunityCannotAddOrders() {
        String orders = open.orders(Map.of("H-010", 1));

        assertThat(Ledger.as("leader", "leader1").refusedSubmit(Transaction.ADD_HOUSEHOLD_ORDERS, open.id, orders))
                .startsWith("[FORBIDDEN]");
        assertThat(open.orders()).doesNotContainKey("H-010");
    }

    @Test
    void aCommunityIsRegisteredOnce() {
        assertThat(TestCommunity.committee().refusedSubmit(Transaction.REGISTER_COMMUNITY, TestCommunity.ID, "again",
                "Jing'an", "[{\"id\":\"HP1\",\"name\":\"Gate\"}]",
                "{\"dailyCapacity\":{\"HP1\":1},\"minRestMinutes\":{\"GUARANTEE\":0,\"IMPROVEMENT\":0},"
                        + "\"maxLeaderFeePercent\":5}")).startsWith("[CONFLICT]");
    }

    @Test
    void settleNeedsACompletedGroupBuy() {
        JsonObject before = open.read();

        assertThat(TestCommunity.leader().refusedSubmit(Transaction.SETTLE, open.id))
                .startsWith("[INVALID_STATE] group buy " + open.id + " is OPEN; Settle needs COMPLETED");
        assertThat(open.read()).isEqualTo(before);
    }
}
