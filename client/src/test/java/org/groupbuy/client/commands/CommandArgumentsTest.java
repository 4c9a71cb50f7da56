package org.groupbuy.client.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.hyperledger.fabric.client.Proposal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class CommandArgumentsTest {
    private final LedgerDouble ledger = new LedgerDouble();

    @Nested
    class GroupBuySteps {
        @Test
        void leaderCloseSubmitsCloseWithTheId() {
            assertThat(ledger.run("leader", "close", "GB-7")).isZero();

            verify(ledger.builder(Transaction.CLOSE)).addArguments("GB-7");
            assertThat(ledger.out.toString()).startsWith("ok: GroupBuy:Close committed (transaction tx-GroupBuy:Close)");
        }

        @Test
        void leaderPayForAHouseholdRecordsAPaymentInCents() {
            assertThat(ledger.run("leader", "pay", "GB-7", "H-001", "--amount-cents", "7000", "--ref-hash", "ab12")).isZero();

            verify(ledger.builder(Transaction.RECORD_PAYMENT)).addArguments("GB-7", "H-001", "7000", "ab12");
        }

        @Test
        void leaderPayToTheSupplierRecordsASupplierPayment() {
            assertThat(ledger.run("leader", "pay", "GB-7", "--to-supplier", "--amount-cents", "140000",
                    "--ref-hash", "cd34")).isZero();

            verify(ledger.builder(Transaction.RECORD_SUPPLIER_PAYMENT)).addArguments("GB-7", "140000", "cd34");
        }

        @Test
        void supplierConfirmPaymentSendsTheGroupBuyAndThePaymentId() {
            assertThat(ledger.run("supplier", "confirm-payment", "GB-7", "3f9ce1")).isZero();

            verify(ledger.builder(Transaction.CONFIRM_SUPPLIER_PAYMENT)).addArguments("GB-7", "3f9ce1");
            assertThat(ledger.out.toString()).startsWith("ok: supplier payment 3f9ce1 of GB-7 confirmed (transaction "
                    + "tx-GroupBuy:ConfirmSupplierPayment)");
        }

        @Test
        void supplierConfirmPaymentWithoutThePaymentIdIsAUsageError() {
            assertThat(ledger.run("supplier", "confirm-payment", "GB-7")).isEqualTo(2);

            verify(ledger.builder(Transaction.CONFIRM_SUPPLIER_PAYMENT), never()).addArguments(any(String[].class));
        }

        @Test
        void committeeRuleSendsRulingRefundAndResponsible() {
            assertThat(ledger.run("committee", "rule", "DSP-1", "UPHELD", "--refund-cents", "1200",
                    "--responsible", "SUPPLIER")).isZero();

            verify(ledger.builder(Transaction.RULE_DISPUTE)).addArguments("DSP-1", "UPHELD", "1200", "SUPPLIER");
        }

        @Test
        void supplierPackSendsTheJsonFromAFileCompacted(@TempDir Path dir) throws Exception {
            Path pack = dir.resolve("pack.json");
            Files.writeString(pack, "{ \"lots\": [ {\"sku\": \"VEG-BOX\", \"lot\": \"L1\", \"quantity\": 40} ],\n"
                    + "  \"evidenceHashes\": [] }");

            assertThat(ledger.run("supplier", "pack", "GB-7", "@" + pack)).isZero();

            verify(ledger.builder(Transaction.PACK)).addArguments("GB-7",
                    "{\"lots\":[{\"sku\":\"VEG-BOX\",\"lot\":\"L1\",\"quantity\":40}],\"evidenceHashes\":[]}");
        }

        @Test
        void badInlineJsonIsAUsageErrorAndNothingIsSent() {
            assertThat(ledger.run("leader", "open", "{not json")).isEqualTo(2);

            assertThat(ledger.builders).isEmpty();
            assertThat(ledger.err.toString()).startsWith("error: [BAD_JSON] not valid JSON ({not json)");
        }

        @Test
        void volunteerDeliverWithACodesFileDeliversEveryHouseholdInOneRun(@TempDir Path dir) throws Exception {
            Path codes = dir.resolve("codes.csv");
            Files.writeString(codes, "household,code\nH-001,111111\nH-002,222222\nH-003,333333\n");

            assertThat(ledger.run("volunteer", "deliver", "GB-7", "--codes-file", codes.toString())).isZero();

            verify(ledger.builder(Transaction.DELIVER)).addArguments("GB-7", "H-001", "111111");
            verify(ledger.builder(Transaction.DELIVER)).addArguments("GB-7", "H-002", "222222");
            verify(ledger.builder(Transaction.DELIVER)).addArguments("GB-7", "H-003", "333333");
            assertThat(ledger.out.toString().lines().toList()).containsExactly(
                    "delivered H-001  transaction tx-GroupBuy:Deliver",
                    "delivered H-002  transaction tx-GroupBuy:Deliver",
                    "delivered H-003  transaction tx-GroupBuy:Deliver",
                    "3 delivered, 0 refused, 0 transient failure(s) retried");
        }

        @Test
        void leaderPayAllRecordsOnePaymentPerLine(@TempDir Path dir) throws Exception {
            Path payments = dir.resolve("payments.csv");
            String hash = "ab".repeat(32);
            Files.writeString(payments, "household,amountCents,refHash\nH-001,6300," + hash + "\nH-002,7000," + hash + "\n");

            assertThat(ledger.run("leader", "pay-all", "GB-7", payments.toString())).isZero();

            verify(ledger.builder(Transaction.RECORD_PAYMENT)).addArguments("GB-7", "H-001", "6300", hash);
            verify(ledger.builder(Transaction.RECORD_PAYMENT)).addArguments("GB-7", "H-002", "7000", hash);
            assertThat(ledger.out.toString()).endsWith("2 paid, 0 refused, 0 transient failure(s) retried"
                    + System.lineSeparator());
        }

        @Test
        void leaderPayAllRetriesAPaymentWhoseEndorsementsDisagreedAndCountsIt(@TempDir Path dir) throws Exception {
            Path payments = dir.resolve("payments.csv");
            String hash = "ab".repeat(32);
            Files.writeString(payments, "household,amountCents,refHash\nH-001,6300," + hash + "\n");
            org.hyperledger.fabric.client.Proposal proposal = ledger.builder(Transaction.RECORD_PAYMENT).build();
            org.hyperledger.fabric.client.Transaction endorsed = proposal.endorse();
            org.hyperledger.fabric.client.EndorseException mismatch =
                    org.mockito.Mockito.mock(org.hyperledger.fabric.client.EndorseException.class);
            org.mockito.Mockito.when(mismatch.getStatus()).thenReturn(io.grpc.Status.ABORTED.withDescription(
                    "failed to collect enough transaction endorsements: ProposalResponsePayloads do not match"));
            org.mockito.Mockito.when(proposal.endorse()).thenThrow(mismatch).thenReturn(endorsed);

            assertThat(ledger.run("leader", "pay-all", "GB-7", payments.toString())).isZero();

            assertThat(ledger.out.toString()).isEqualTo("paid H-001  transaction tx-GroupBuy:RecordPayment"
                    + System.lineSeparator() + "1 paid, 0 refused, 1 transient failure(s) retried"
                    + System.lineSeparator());
        }

        @Test
        void leaderPayAllWithABadLineSendsNothing(@TempDir Path dir) throws Exception {
            Path payments = dir.resolve("payments.csv");
            Files.writeString(payments, "H-001,63.00,xyz\n");

            assertThat(ledger.run("leader", "pay-all", "GB-7", payments.toString())).isEqualTo(2);

            assertThat(ledger.builders).isEmpty();
            assertThat(ledger.err.toString()).contains("[BAD_PAYMENTS_FILE]").contains("line 1:");
        }

        @Test
        void volunteerDeliverNeedsAHouseholdAndCodeOrACodesFile() {
            assertThat(ledger.run("volunteer", "deliver", "GB-7", "H-001")).isEqualTo(2);

            assertThat(ledger.builders).isEmpty();
            assertThat(ledger.err.toString()).startsWith("error: [USAGE] give HOUSEHOLD and --code, or --codes-file FILE");
        }

        @Test
        void volunteerDisinfectSendsRestMinutesAsText() {
            assertThat(ledger.run("volunteer", "disinfect", "GB-7", "--method", "spray", "--rest-minutes", "30")).isZero();

            verify(ledger.builder(Transaction.DISINFECT)).addArguments("GB-7", "spray", "30");
        }
    }

    @Nested
    class Queries {
        @Test
        void arrivalQueueEvaluatesAndPrintsTheJsonAsIs() throws Exception {
            ledger.answers.put(Transaction.ARRIVAL_QUEUE, "[{\"groupBuyId\":\"GB-7\",\"category\":\"GUARANTEE\"}]");

            assertThat(ledger.run("committee", "arrival-queue", "C1", "2026-04-12", "--json")).isZero();

            verify(ledger.builder(Transaction.ARRIVAL_QUEUE)).addArguments("C1", "2026-04-12");
            assertThat(ledger.out.toString().trim()).isEqualTo("[{\"groupBuyId\":\"GB-7\",\"category\":\"GUARANTEE\"}]");
        }

        @Test
        void listSendsCommunityStatusPageSizeAndBookmark() {
            assertThat(ledger.run("list", "C1", "--status", "OPEN", "--page-size", "20")).isZero();

            verify(ledger.builder(Transaction.LIST_GROUP_BUYS)).addArguments("C1", "OPEN", "20", "");
        }

        @Test
        void traceShowsATimelineTable() {
            ledger.answers.put(Transaction.TRACE, "[{\"type\":\"Accepted\",\"status\":\"ACCEPTED\","
                    + "\"actor\":\"SupplierMSP/supplier1\",\"org\":\"SupplierMSP\",\"txId\":\"abc\","
                    + "\"time\":\"2026-04-11T08:00:00Z\"}]");

            assertThat(ledger.run("trace", "GB-7")).isZero();

            assertThat(ledger.out.toString().lines().toList()).containsExactly(
                    "TIME                  ACTOR      ORG          WHAT      TX ID  EVIDENCE",
                    "--------------------  ---------  -----------  --------  -----  --------",
                    "2026-04-11T08:00:00Z  supplier1  SupplierMSP  Accepted  abc");
        }
    }

    @Nested
    class PrivateDetails {
        @Test
        void addOrderSendsPublicOrderThenDetailsOnlyAsTransientToLeaderAndCommittee() throws Exception {
            ledger.answers.put(Transaction.GET_GROUP_BUY, "{\"id\":\"GB-7\",\"items\":[{\"sku\":\"VEG-BOX\",\"maxPerHousehold\":2}]}");

            assertThat(ledger.run("leader", "add-order", "--group-buy", "GB-7", "--household", "H-031", "--name", "Wang Li",
                    "--phone", "13800000031", "--address", "Bldg 3-402", "--item", "VEG-BOX=2", "--offline")).isZero();

            ArgumentCaptor<String[]> orders = ArgumentCaptor.forClass(String[].class);
            verify(ledger.builder(Transaction.ADD_HOUSEHOLD_ORDERS)).addArguments(orders.capture());
            assertThat(orders.getValue()).hasSize(2);
            assertThat(orders.getValue()[0]).isEqualTo("GB-7");
            JsonObject order = JsonParser.parseString(orders.getValue()[1]).getAsJsonArray().get(0).getAsJsonObject();
            assertThat(order.keySet()).containsExactly("household", "lines", "pickupSalt", "pickupCodeHash", "offline");
            assertThat(order.get("lines").toString()).isEqualTo("[{\"sku\":\"VEG-BOX\",\"quantity\":2}]");
            verify(ledger.builder(Transaction.ADD_HOUSEHOLD_ORDERS), never()).putAllTransient(any());

            Proposal.Builder details = ledger.builder(Transaction.PUT_HOUSEHOLD_DETAILS);
            verify(details).addArguments("GB-7");
            verify(details).setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
            @SuppressWarnings("unchecked")
            ArgumentCaptor<Map<String, byte[]>> transientData = ArgumentCaptor.forClass(Map.class);
            verify(details).putAllTransient(transientData.capture());
            assertThat(transientData.getValue().keySet()).containsExactly("details");
            assertThat(new String(transientData.getValue().get("details"), StandardCharsets.UTF_8)
                    .replaceAll(",\"salt\":\"[0-9a-f]{32}\"", ",\"salt\":\"<32 hex>\"")).isEqualTo(
                    "{\"H-031\":{\"name\":\"Wang Li\",\"phone\":\"13800000031\",\"address\":\"Bldg 3-402\","
                            + "\"salt\":\"<32 hex>\"}}");
            String code = ledger.out.toString().replaceAll("(?s).*pickup code: ([0-9A-Z-]{19}).*", "$1");
            assertThat(order.get("pickupCodeHash").getAsString()).isEqualTo(
                    new org.groupbuy.client.orders.PickupCode(order.get("pickupSalt").getAsString(), code).hash());
        }

        @Test
        void importSkipsHouseholdsAlreadyImportedAndSendsTheRestInBatches(@TempDir Path dir) throws Exception {
            ledger.answers.put(Transaction.GET_GROUP_BUY, "{\"id\":\"GB-7\",\"items\":[{\"sku\":\"VEG-BOX\",\"maxPerHousehold\":5}]}");
            ledger.answers.put(Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":[{\"household\":\"H-001\"}],\"bookmark\":\"\",\"fetched\":1}");
            ledger.answers.put(Transaction.GET_HOUSEHOLD_DETAILS, "{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B1\"}");
            Path sheet = dir.resolve("orders.csv");
            Files.writeString(sheet, "household,name,phone,address,VEG-BOX\n"
                    + "H-001,A,13800000001,B1,1\nH-002,B,13800000002,B2,2\nH-003,C,13800000003,B3,3\nH-004,D,13800000004,B4,4\n");
            Path codes = dir.resolve("codes.csv");

            assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                    codes.toString(), "--batch-size", "2", "--in-flight", "1")).isZero();

            verify(ledger.builder(Transaction.LIST_HOUSEHOLD_ORDERS)).addArguments("GB-7", "200", "");
            ArgumentCaptor<String[]> batches = ArgumentCaptor.forClass(String[].class);
            verify(ledger.builder(Transaction.ADD_HOUSEHOLD_ORDERS), org.mockito.Mockito.times(2)).addArguments(batches.capture());
            JsonArray first = JsonParser.parseString(batches.getAllValues().get(0)[1]).getAsJsonArray();
            JsonArray second = JsonParser.parseString(batches.getAllValues().get(1)[1]).getAsJsonArray();
            assertThat(first.asList().stream().map(o -> o.getAsJsonObject().get("household").getAsString()))
                    .containsExactly("H-002", "H-003");
            assertThat(second.asList().stream().map(o -> o.getAsJsonObject().get("household").getAsString()))
                    .containsExactly("H-004");
            verify(ledger.builder(Transaction.PUT_HOUSEHOLD_DETAILS), org.mockito.Mockito.times(2))
                    .setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
            assertThat(Files.readAllLines(codes)).hasSize(7).first().isEqualTo("household,code,status");
            assertThat(Files.readAllLines(codes).subList(1, 7)).allMatch(l -> l.matches("H-00[234],[0-9A-Z]{4}(-[0-9A-Z]{4}){3},(pending|issued)"));
            assertThat(ledger.err.toString()).contains("skipping 1 household(s) already imported: H-001\n");
        }

        @Test
        void importWithABadRowSendsNothing(@TempDir Path dir) throws Exception {
            ledger.answers.put(Transaction.GET_GROUP_BUY, "{\"id\":\"GB-7\",\"items\":[{\"sku\":\"VEG-BOX\"}]}");
            Path sheet = dir.resolve("orders.csv");
            Files.writeString(sheet, "household,name,phone,address,VEG-BOX\nH-001,A,13800000001,B1,x\n");

            assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString())).isEqualTo(2);

            assertThat(ledger.builders).containsOnlyKeys(Transaction.GET_GROUP_BUY);
            assertThat(ledger.err.toString()).contains(sheet + ": line 2: quantity of VEG-BOX is 'x', not a whole number >= 0");
        }
    }
}
