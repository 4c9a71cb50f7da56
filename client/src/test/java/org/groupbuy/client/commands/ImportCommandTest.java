package org.groupbuy.client.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private final LedgerDouble ledger = new LedgerDouble();

    private Path sheet(Path dir) throws Exception {
        ledger.answers.put("Audit:GetGroupBuy", "{\"id\":\"GB-7\",\"items\":[{\"sku\":\"VEG-BOX\",\"maxPerHousehold\":5}]}");
        ledger.answers.put("Audit:ListHouseholdOrders", "{\"records\":[],\"bookmark\":\"\",\"fetched\":0}");
        Path sheet = dir.resolve("orders.csv");
        Files.writeString(sheet, "household,name,phone,address,VEG-BOX\n"
                + "H-001,A,13800000001,B1,1\nH-002,B,13800000002,B2,2\nH-003,C,13800000003,B3,3\n");
        return sheet;
    }

    @Test
    void aRefusedBatchIsNamedWithItsHouseholdsAndOnlyCommittedBatchesGetCodes(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Proposal orders = ledger.builder("GroupBuy:AddHouseholdOrders").build();
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
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("household,code");
        assertThat(lines.get(1)).matches("H-001,[0-9]{6}");
        assertThat(lines.get(2)).matches("H-002,[0-9]{6}");
    }

    @Test
    void defaultsToBatchesOf200AndPipelinesWithoutLosingAHousehold(@TempDir Path dir) throws Exception {
        Path sheet = sheet(dir);
        Path codes = dir.resolve("codes.csv");

        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet.toString(), "--codes-out",
                codes.toString())).isZero();

        org.mockito.ArgumentCaptor<String[]> batches = org.mockito.ArgumentCaptor.forClass(String[].class);
        org.mockito.Mockito.verify(ledger.builder("GroupBuy:AddHouseholdOrders"), org.mockito.Mockito.times(1))
                .addArguments(batches.capture());
        assertThat(batches.getValue()[1]).contains("\"H-001\"", "\"H-002\"", "\"H-003\"");
        org.mockito.Mockito.verify(ledger.builder("GroupBuy:PutHouseholdDetails"), org.mockito.Mockito.times(1))
                .setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
        assertThat(Files.readAllLines(codes)).hasSize(4);
        assertThat(ledger.err.toString()).endsWith("3/3 households\n");
        assertThat(ledger.out.toString()).isEqualTo("imported 3 household(s) into GB-7, skipped 0; pickup codes "
                + "appended to " + codes + "\n");
    }

    @Test
    void inFlightOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        assertThat(ledger.run("leader", "import", "--group-buy", "GB-7", sheet(dir).toString(), "--in-flight", "0"))
                .isEqualTo(2);
        assertThat(ledger.err.toString()).contains("[BAD_IN_FLIGHT] --in-flight must be 1..64, got 0");
        assertThat(ledger.builders).isEmpty();
    }
}
