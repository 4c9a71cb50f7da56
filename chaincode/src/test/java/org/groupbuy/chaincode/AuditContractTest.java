package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditContractTest {
    private TestNet net;

    @BeforeEach
    void setUp() {
        net = new TestNet().delivering();
    }

    @Nested
    class Lists {
        @Test
        void groupBuysArePagedAndFilteredByStatus() {
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson("GB-2", "IMPROVEMENT", 1));
            final JsonObject first = JsonParser.parseString(net.audit.ListGroupBuys(net.as("regulator1"), "C1", "", "1",
                    "")).getAsJsonObject();
            assertThat(first.get("fetched").getAsInt()).isEqualTo(1);
            assertThat(first.get("bookmark").getAsString()).isNotEmpty();
            final JsonObject second = JsonParser.parseString(net.audit.ListGroupBuys(net.as("regulator1"), "C1",
                    "PENDING_APPROVAL", "1", first.get("bookmark").getAsString())).getAsJsonObject();
            assertThat(second.getAsJsonArray("records")).hasSize(1);
            assertThat(second.get("bookmark").getAsString()).isEmpty();
            net.fails("INVALID_ARGUMENT", () -> net.audit.ListGroupBuys(net.as("regulator1"), "C1", "LOST", "1", ""));
            net.fails("INVALID_ARGUMENT", () -> net.audit.ListGroupBuys(net.as("regulator1"), "C1", "", "500", ""));
        }

        @Test
        void householdOrdersArePaged() {
            final JsonObject page = JsonParser.parseString(net.audit.ListHouseholdOrders(net.as("supplier1"), GB, "10",
                    "")).getAsJsonObject();
            assertThat(page.getAsJsonArray("records")).hasSize(2);
            net.fails("NOT_FOUND", () -> net.audit.ListHouseholdOrders(net.as("supplier1"), "GB-404", "10", ""));
        }
    }

    @Nested
    class Traces {
        @Test
        void aHouseholdTraceHoldsItsOrderItsEventsAndItsMoney() {
            final JsonObject t = JsonParser.parseString(net.audit.TraceHousehold(net.as("regulator1"), GB, "H-001"))
                    .getAsJsonObject();
            assertThat(t.getAsJsonObject("order").get("status").getAsString()).isEqualTo("DELIVERED");
            assertThat(t.getAsJsonArray("money")).hasSize(1);
            assertThat(t.getAsJsonArray("events").toString()).contains("HouseholdDelivered").doesNotContain("H-002");
            net.fails("NOT_FOUND", () -> net.audit.Trace(net.as("regulator1"), "GB-404"));
        }

        @Test
        void theHouseholdTraceOfAGroupBuyNamedLikeACommitmentHoldsNoneOfTheCommitmentsEvents() {
            net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson("CM-S1", "GUARANTEE", 3));
            net.groupBuy.Approve(net.as("committee1"), "CM-S1");
            net.groupBuy.AddHouseholdOrders(net.as("leader1"), "CM-S1", TestNet.ORDERS);
            final JsonObject t = JsonParser.parseString(net.audit.TraceHousehold(net.as("regulator1"), "CM-S1",
                    "H-001")).getAsJsonObject();
            assertThat(t.getAsJsonArray("events")).extracting(e -> e.getAsJsonObject().get("type").getAsString())
                    .containsExactly("GroupBuyOpened", "GroupBuyApproved", "HouseholdOrdersAdded");
        }

        @Test
        void partyRecordsAndEvidenceChecks() {
            final String record = net.audit.PartyRecord(net.as("regulator1"), "LeaderMSP/leader1");
            assertThat(record).isEqualTo("{\"party\":\"LeaderMSP/leader1\",\"groupBuys\":1,\"completed\":0,"
                    + "\"failedByCause\":{},\"shortagesAgainst\":0,\"disputesUpheld\":0,\"dispatched\":1,\"onTime\":1,"
                    + "\"onTimePercent\":100,\"activeCommitments\":[\"CM-L1\"]}");
            net.fails("INVALID_ARGUMENT", () -> net.audit.PartyRecord(net.as("regulator1"), "leader1"));
            assertThat(net.audit.VerifyEvidence(net.as("regulator1"), "d".repeat(64))).contains("\"cited\":false");
            net.fails("INVALID_ARGUMENT", () -> net.audit.VerifyEvidence(net.as("regulator1"), "D".repeat(64)));
            assertThat(net.audit.GetGroupBuy(net.as("courier1"), GB)).contains("\"status\":\"DISINFECTED\"");
        }
    }
}
