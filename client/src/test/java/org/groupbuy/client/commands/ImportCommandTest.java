package org.groupbuy.client.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.orders.PickupCode;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ImportCommandTest {
    private final LedgerDouble ledger = new LedgerDouble();

    private Path sheet(Path dir) throws Exception {
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.GET_GROUP_BUY, "{\"id\":\"GB-7\",\"items\":[{\"sku\":\"VEG-BOX\",\"maxPerHousehold\":5}]}");
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":[],\"bookmark\":\"\",\"fetched\":0}");
        Path sheet = dir.resolve("orders.csv");
        Files.writeString(sheet, "household,name,phone,address,VEG-BOX\n"
                + "H-001,A,13800000001,B1,1\nH-002,B,13800000002,B2,2\nH-003,C,13800000003,B3,3\n");
        return sheet;
    }

    @Test
    void aRefusedBatchIsNamedWithItsHouseholdsAndOnlyCommittedBatchesGetCodes(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Proposal orders = ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS).build();
        Transaction committed = orders.endorse();
        EndorseException closed = mock(EndorseException.class);
        when(closed.getTransactionId()).thenReturn("tx9");
        when(closed.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse transaction"));
        when(closed.getDetails()).thenReturn(List.of(ErrorDetail.newBuilder().setMspId("LeaderMSP")
                .setMessage("chaincode response 500, [INVALID_STATE] group buy GB-7 is CLOSED; AddHouseholdOrders "
                        + "needs OPEN").build()));
        when(orders.endorse()).thenReturn(committed).thenThrow(closed);
        Path codes = dir.resolve("codes.csv");

        int exit = ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString(), "--batch-size", "2", "--in-flight", "1");

        assertThat(exit).isEqualTo(1);
        assertThat(ledger.err.toString()).contains("batch 2 of 2 failed at GroupBuy:AddHouseholdOrders: [INVALID_STATE] "
                + "group buy GB-7 is CLOSED; AddHouseholdOrders needs OPEN (transaction tx9)\n"
                + "  not imported, no pickup codes: H-003\n");
        assertThat(ledger.err.toString()).contains("error: [IMPORT_BATCH_FAILED] batch 2 of 2 (1 households, H-003 .. "
                + "H-003): its orders were not imported: [INVALID_STATE] group buy GB-7 is CLOSED; AddHouseholdOrders "
                + "needs OPEN (transaction tx9); 1 of 2 batches committed, 1 failed, 0 not sent (see stderr); "
                + "re-running the same command sends the households that are not on the ledger yet");
        List<String> lines = Files.readAllLines(codes);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("household,code,status");
        assertThat(lines.get(1)).matches("H-001,[0-9A-Z]{4}(-[0-9A-Z]{4}){3},pending");
        assertThat(lines.get(2)).matches("H-002,[0-9A-Z]{4}(-[0-9A-Z]{4}){3},pending");
        assertThat(lines.get(3)).isEqualTo(lines.get(1).replace(",pending", ",issued"));
        assertThat(lines.get(4)).isEqualTo(lines.get(2).replace(",pending", ",issued"));
        // the refused batch was written as pending before it was sent, never as issued
        assertThat(lines.get(5)).matches("H-003,[0-9A-Z]{4}(-[0-9A-Z]{4}){3},pending");
    }

    @Test
    void defaultsToBatchesOf200AndPipelinesWithoutLosingAHousehold(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Path codes = dir.resolve("codes.csv");

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        org.mockito.ArgumentCaptor<String[]> batches = org.mockito.ArgumentCaptor.forClass(String[].class);
        org.mockito.Mockito.verify(ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS), org.mockito.Mockito.times(1))
                .addArguments(batches.capture());
        assertThat(batches.getValue()[1]).contains("\"H-001\"", "\"H-002\"", "\"H-003\"");
        org.mockito.Mockito.verify(ledger.builder(org.groupbuy.client.ledger.Transaction.PUT_HOUSEHOLD_DETAILS), org.mockito.Mockito.times(1))
                .setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
        assertThat(Files.readAllLines(codes)).hasSize(7);
        assertThat(ledger.err.toString()).containsPattern("3/3 households\n3 households committed in [0-9]+\\.[0-9] s, "
                + "[0-9]+ per second \\(orders and details, first batch sent to last committed\\)\n$");
        assertThat(ledger.out.toString()).isEqualTo("imported 3 household(s) into GB-7, skipped 0; pickup codes "
                + "appended to " + codes + "; 0 transient failure(s) retried\n");
    }

    /** The committee's peer refuses the details [NOT_FOUND] {@code times} times (it lags the orders' block), then endorses. */
    private void detailsRefusedByALaggingCommitteePeer(int times) throws Exception {
        Proposal details = ledger.builder(org.groupbuy.client.ledger.Transaction.PUT_HOUSEHOLD_DETAILS).build();
        Transaction stored = details.endorse();
        EndorseException lagging = mock(EndorseException.class);
        when(lagging.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse transaction"));
        when(lagging.getDetails()).thenReturn(List.of(ErrorDetail.newBuilder().setMspId("CommitteeMSP")
                .setMessage("chaincode response 500, [NOT_FOUND] no batch H-001 of group buy GB-7").build()));
        org.mockito.stubbing.OngoingStubbing<Transaction> endorse = when(details.endorse());
        for (int i = 0; i < times; i++) {
            endorse = endorse.thenThrow(lagging);
        }
        endorse.thenReturn(stored);
    }

    @Test
    void namesTheFailuresItRetriedByPhaseAndCode(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Path codes = dir.resolve("codes.csv");
        detailsRefusedByALaggingCommitteePeer(2);

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        assertThat(ledger.out.toString()).isEqualTo("imported 3 household(s) into GB-7, skipped 0; pickup codes "
                + "appended to " + codes + "; 2 transient failure(s) retried (ENDORSE NOT_FOUND 2)\n");
    }

    @Test
    void theJsonSummaryCountsTheRetriesByPhaseAndCode(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        detailsRefusedByALaggingCommitteePeer(1);

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                dir.resolve("codes.csv").toString(), "--json")).isZero();

        JsonObject summary = JsonParser.parseString(ledger.out.toString()).getAsJsonObject();
        assertThat(summary.get("retries").getAsLong()).isEqualTo(1);
        assertThat(summary.getAsJsonObject("retriesByCode").toString()).isEqualTo("{\"ENDORSE NOT_FOUND\":1}");
    }

    @Test
    void theRateCountsTheHouseholdsPerSecondOfTheSendingAlone() {
        assertThat(org.groupbuy.client.commands.leader.ImportCommand.rate(10000, 8_800_000_000L))
                .isEqualTo("10000 households committed in 8.8 s, 1136 per second (orders and details, first batch "
                        + "sent to last committed)");
        assertThat(org.groupbuy.client.commands.leader.ImportCommand.rate(3, 0)).contains("in 0.0 s, 3 per second");
    }

    @Test
    void inFlightOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet(dir).toString(), "--in-flight", "0"))
                .isEqualTo(2);
        assertThat(ledger.err.toString()).contains("[BAD_IN_FLIGHT] --in-flight must be 1..64, got 0");
        assertThat(ledger.builders).isEmpty();
    }

    private static String ledgerOrder(String household, String salt, String code) {
        return "{\"household\":\"" + household + "\",\"pickupSalt\":\"" + salt + "\",\"pickupCodeHash\":\""
                + new PickupCode(salt, code).hash() + "\"}";
    }

    private static List<String> households(String json) {
        List<String> names = new java.util.ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(o -> names.add(o.getAsJsonObject().get("household").getAsString()));
        return names;
    }

    @Test
    void codesAreWrittenPendingBeforeTheOrdersAreSentAndIssuedAfterTheyCommitted(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Path codes = dir.resolve("codes.csv");
        Proposal orders = ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS).build();
        Transaction endorsed = orders.endorse();
        List<String> atEndorsement = new java.util.ArrayList<>();
        when(orders.endorse()).thenAnswer(call -> {
            atEndorsement.addAll(Files.readAllLines(codes));
            return endorsed;
        });

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        assertThat(atEndorsement).hasSize(4);
        assertThat(atEndorsement.get(0)).isEqualTo("household,code,status");
        assertThat(atEndorsement.subList(1, 4)).allMatch(l -> l.matches("H-00[123],[0-9A-Z]{4}(-[0-9A-Z]{4}){3},pending"));
        List<String> lines = Files.readAllLines(codes);
        assertThat(lines.subList(0, 4)).isEqualTo(atEndorsement);
        assertThat(lines.subList(4, 7)).containsExactly(atEndorsement.get(1).replace(",pending", ",issued"),
                atEndorsement.get(2).replace(",pending", ",issued"), atEndorsement.get(3).replace(",pending", ",issued"));
        // the codes in the file are the ones whose salted hashes went to the ledger
        ArgumentCaptor<String[]> sent = ArgumentCaptor.forClass(String[].class);
        verify(ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS)).addArguments(sent.capture());
        JsonArray sentOrders = JsonParser.parseString(sent.getValue()[1]).getAsJsonArray();
        for (int i = 0; i < 3; i++) {
            JsonObject order = sentOrders.get(i).getAsJsonObject();
            String code = atEndorsement.get(i + 1).split(",")[1];
            assertThat(order.get("pickupCodeHash").getAsString())
                    .isEqualTo(new PickupCode(order.get("pickupSalt").getAsString(), code).hash());
        }
    }

    @Test
    void reRunKeepsTheFileCodesOfCommittedHouseholdsMarksThemIssuedAndReusesPendingCodes(@TempDir Path dir)
            throws Exception {
        Path sheet = sheet(dir);
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":[" + ledgerOrder("H-001", "aa11", "123456")
                + "],\"bookmark\":\"\",\"fetched\":1}");
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS, "{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B1\"}");
        Path codes = dir.resolve("codes.csv");
        // the client died after H-001's batch committed and before H-002's did
        Files.writeString(codes, "household,code,status\nH-001,123456,pending\nH-002,654321,pending\nH-00");

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        ArgumentCaptor<String[]> sent = ArgumentCaptor.forClass(String[].class);
        verify(ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS)).addArguments(sent.capture());
        assertThat(households(sent.getValue()[1])).containsExactly("H-002", "H-003");
        JsonObject h002 = JsonParser.parseString(sent.getValue()[1]).getAsJsonArray().get(0).getAsJsonObject();
        assertThat(h002.get("pickupCodeHash").getAsString())
                .isEqualTo(new PickupCode(h002.get("pickupSalt").getAsString(), "654321").hash());
        List<String> lines = Files.readAllLines(codes);
        assertThat(lines.subList(0, 6)).containsExactly("household,code,status", "H-001,123456,pending",
                "H-002,654321,pending", "H-00", "H-001,123456,issued", "H-002,654321,pending");
        assertThat(lines.get(6)).matches("H-003,[0-9A-Z]{4}(-[0-9A-Z]{4}){3},pending");
        assertThat(lines.get(7)).isEqualTo("H-002,654321,issued");
        assertThat(lines.get(8)).isEqualTo(lines.get(6).replace(",pending", ",issued"));
        assertThat(lines).hasSize(9);
        assertThat(ledger.err.toString()).contains("warning: 1 malformed line(s) in " + codes + " ignored\n");
        assertThat(org.groupbuy.client.orders.CodesOnFile.read(codes).issued("H-001", "123456")).isTrue();
        assertThat(ledger.err.toString()).contains("pickup codes written as pending by an earlier run and committed, "
                + "now marked issued: H-001\n");
        assertThat(ledger.err.toString()).doesNotContain("NO PICKUP CODE");
    }

    @Test
    void reRunReSendsTheDetailsOfHouseholdsLackingThemAndOnlyThose(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":[" + ledgerOrder("H-001", "aa11", "111111") + ","
                + ledgerOrder("H-002", "bb22", "222222") + "," + ledgerOrder("H-003", "cc33", "333333")
                + "],\"bookmark\":\"\",\"fetched\":3}");
        Path codes = dir.resolve("codes.csv");
        Files.writeString(codes, "household,code,status\nH-001,111111,issued\nH-002,222222,issued\nH-003,333333,issued\n");
        Proposal detailsQuery = ledger.builder(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS).build();
        GatewayException notFound = mock(GatewayException.class);
        when(notFound.getStatus()).thenReturn(io.grpc.Status.UNKNOWN.withDescription("evaluate call to endorser returned error: chaincode response 500, "
                + "[NOT_FOUND] no details for household H-002"));
        when(notFound.getDetails()).thenReturn(List.of());
        when(detailsQuery.evaluate())
                .thenReturn("{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B1\"}".getBytes(StandardCharsets.UTF_8))
                .thenThrow(notFound)
                .thenReturn(new byte[0]);

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString(), "--batch-size", "1")).isZero();

        InOrder queries = inOrder(ledger.builder(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS));
        queries.verify(ledger.builder(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS)).addArguments("GB-7", "H-001");
        queries.verify(ledger.builder(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS)).addArguments("GB-7", "H-002");
        queries.verify(ledger.builder(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS)).addArguments("GB-7", "H-003");
        Proposal.Builder details = ledger.builder(org.groupbuy.client.ledger.Transaction.PUT_HOUSEHOLD_DETAILS);
        verify(details, times(2)).setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, byte[]>> transientData = ArgumentCaptor.forClass(Map.class);
        verify(details, times(2)).putAllTransient(transientData.capture());
        assertThat(transientData.getAllValues().stream()
                .map(t -> new String(t.get("details"), StandardCharsets.UTF_8)
                        .replaceAll(",\"salt\":\"[0-9a-f]{32}\"", ",\"salt\":\"<32 hex>\"")).toList()).containsExactly(
                "{\"H-002\":{\"name\":\"B\",\"phone\":\"13800000002\",\"address\":\"B2\",\"salt\":\"<32 hex>\"}}",
                "{\"H-003\":{\"name\":\"C\",\"phone\":\"13800000003\",\"address\":\"B3\",\"salt\":\"<32 hex>\"}}");
        assertThat(ledger.builders).doesNotContainKey(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS);
        assertThat(ledger.err.toString()).contains("details missing for 2 household(s) already imported, re-sending: "
                + "H-002, H-003\n");
        assertThat(ledger.out.toString()).isEqualTo("imported 0 household(s) into GB-7, skipped 3; pickup codes "
                + "appended to " + codes + "; details re-sent for 2 household(s); 0 transient failure(s) retried\n");
        assertThat(Files.readAllLines(codes)).hasSize(4);
    }

    @Test
    void aLedgerHouseholdWhoseCodeIsInNoCodesFileIsNamedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":[" + ledgerOrder("H-001", "aa11", "111111") + ","
                + ledgerOrder("H-002", "bb22", "222222") + "],\"bookmark\":\"\",\"fetched\":2}");
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.GET_HOUSEHOLD_DETAILS, "{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B1\"}");
        Path codes = dir.resolve("codes.csv");
        // H-001's code is on file; H-002's line holds a code that does not match the ledger's hash
        Files.writeString(codes, "household,code,status\nH-001,111111,issued\nH-002,999999,pending\n");

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        assertThat(ledger.err.toString()).contains("NO PICKUP CODE: household H-002 (B) is in GB-7 but its pickup "
                + "code is not in " + codes + " and cannot be re-issued; unless an earlier codes file holds it, cancel "
                + "and re-add it: groupbuy leader cancel-order GB-7 H-002 --org leader, then groupbuy leader add-order "
                + "--group-buy GB-7 --household H-002 ... --org leader\n");
        assertThat(ledger.err.toString()).doesNotContain("household H-001 (A)");
        assertThat(ledger.out.toString()).isEqualTo("imported 1 household(s) into GB-7, skipped 2; pickup codes "
                + "appended to " + codes + "; 1 household(s) on the ledger WITHOUT a pickup code (see stderr); 0 transient failure(s) retried\n");
        ArgumentCaptor<String[]> sent = ArgumentCaptor.forClass(String[].class);
        verify(ledger.builder(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS)).addArguments(sent.capture());
        assertThat(households(sent.getValue()[1])).containsExactly("H-003");
    }
}
