package org.groupbuy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Names, phones and door numbers: sent as transient data endorsed by Leader and Committee peers only,
 * kept in the private collection, readable by the leader and the committee, refused to the supplier
 * and the regulator, and absent from everything public.
 */
@Tag("e2e")
class PrivacyE2eTest {
    private static final String[] LEADER_AND_COMMITTEE = {"LeaderMSP", "CommitteeMSP"};
    private static final String DETAILS = "{\"H-001\":{\"name\":\"Zhou Xiuying\",\"phone\":\"13912345678\","
            + "\"address\":\"Building 7 Room 502\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}";
    private static GroupBuyFixture gb;
    private static JsonObject stored;

    @BeforeAll
    static void theLeaderStoresTheDetailsOfOneHousehold() {
        gb = GroupBuyFixture.open("privacy", true);
        TestCommunity.leader().submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb.id, gb.orders(Map.of("H-001", 1)));
        stored = TestCommunity.leader().submitPrivate(Transaction.PUT_HOUSEHOLD_DETAILS, DETAILS, LEADER_AND_COMMITTEE, gb.id)
                .getAsJsonObject();
    }

    @Test
    void detailsEndorsedByLeaderAndCommitteeAloneAreStored() {
        assertThat(stored.toString()).doesNotContain("Zhou", "13912345678", "Building 7");
        JsonObject details = TestCommunity.leader().evaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001").getAsJsonObject();

        assertThat(details.get("name").getAsString()).isEqualTo("Zhou Xiuying");
        assertThat(details.get("phone").getAsString()).isEqualTo("13912345678");
        assertThat(details.get("address").getAsString()).isEqualTo("Building 7 Room 502");
    }

    @Test
    void theCommitteeReadsThemOnItsOwnPeer() {
        JsonObject details = TestCommunity.committee().evaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001").getAsJsonObject();

        assertThat(details.get("name").getAsString()).isEqualTo("Zhou Xiuying");
    }

    @Test
    void theSupplierAndTheRegulatorAreRefused() {
        assertThat(TestCommunity.supplier().refusedEvaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001"))
                .startsWith("[FORBIDDEN]");
        assertThat(TestCommunity.regulator().refusedEvaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001"))
                .startsWith("[FORBIDDEN]");
    }

    @Test
    void aSupplierCannotStoreDetails() {
        String refusal = TestCommunity.supplier().refusedPrivate(Transaction.PUT_HOUSEHOLD_DETAILS,
                DETAILS.replace("Zhou Xiuying", "Someone Else"), LEADER_AND_COMMITTEE, gb.id);

        assertThat(refusal).startsWith("[FORBIDDEN]");
        assertThat(TestCommunity.leader().evaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, "H-001").getAsJsonObject()
                .get("name").getAsString()).isEqualTo("Zhou Xiuying");
    }

    @Test
    void nothingPublicCarriesTheDetails() {
        String everythingPublic = gb.read().toString() + gb.orders()
                + TestCommunity.regulator().evaluate(Transaction.TRACE, gb.id)
                + TestCommunity.regulator().evaluate(Transaction.TRACE_HOUSEHOLD, gb.id, "H-001");

        assertThat(everythingPublic).contains("H-001").doesNotContain("Zhou", "13912345678", "Building 7");
    }
}
