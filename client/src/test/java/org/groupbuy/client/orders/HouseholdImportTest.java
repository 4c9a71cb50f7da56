package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.RetryPolicy;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

/**
 * Household details go through the ledger API's one retry policy: a committee peer that has not yet
 * seen the orders' block refuses [NOT_FOUND] in endorsement and is asked again with a new proposal.
 */
class HouseholdImportTest {
    private static final String DETAILS = "{\"H-001\":{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B\"}}";
    private final Proposal.Builder builder = mock(Proposal.Builder.class, RETURNS_SELF);
    private final Proposal proposal = mock(Proposal.class);
    private final Contract contract = mock(Contract.class);
    private final HouseholdImport householdImport = new HouseholdImport(
            new GroupBuyLedger(new Chaincode(name -> contract, new RetryPolicy(4, 0, millis -> { }))), "GB-7",
            new SecureRandom());

    HouseholdImportTest() {
        when(contract.newProposal("PutHouseholdDetails")).thenReturn(builder);
        when(builder.build()).thenReturn(proposal);
        when(proposal.getTransactionId()).thenReturn("tx-details");
    }

    private static HouseholdOrder order(String household) {
        return new HouseholdOrder(household, "Name " + household, "13800000001", "Building 1", Map.of("VEG", 1), false);
    }

    private static EndorseException refused(String message) {
        EndorseException e = mock(EndorseException.class);
        when(e.getDetails()).thenReturn(List.of(ErrorDetail.newBuilder().setMspId("CommitteeMSP").setMessage(message).build()));
        when(e.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse transaction"));
        when(e.getTransactionId()).thenReturn("tx-details");
        return e;
    }

    private static Transaction committed() throws Exception {
        Transaction endorsed = mock(Transaction.class);
        SubmittedTransaction submitted = mock(SubmittedTransaction.class);
        org.hyperledger.fabric.client.Status status = mock(org.hyperledger.fabric.client.Status.class);
        when(endorsed.submitAsync()).thenReturn(submitted);
        when(submitted.getStatus()).thenReturn(status);
        when(submitted.getTransactionId()).thenReturn("tx-details");
        when(submitted.getResult()).thenReturn("{}".getBytes(StandardCharsets.UTF_8));
        when(status.isSuccessful()).thenReturn(true);
        return endorsed;
    }

    @Test
    void detailsAreEndorsedAgainWhileTheCommitteesPeerHasNotSeenTheOrders() throws Exception {
        EndorseException lagging = refused("chaincode response 500, [NOT_FOUND] household H-001 has no order in GB-7");
        Transaction endorsed = committed();
        when(proposal.endorse()).thenThrow(lagging).thenReturn(endorsed);

        householdImport.sendDetails(DETAILS);

        verify(proposal, times(2)).endorse();
        verify(builder, times(2)).putAllTransient(argThat((Map<String, byte[]> data) -> data.keySet().equals(java.util.Set.of(Chaincode.DETAILS_KEY))
                && new String(data.get(Chaincode.DETAILS_KEY), StandardCharsets.UTF_8).equals(DETAILS)));
        verify(builder, times(2)).setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
    }

    @Test
    void aBatchsDetailsCarryTheBatchsFirstHouseholdInKeyOrder() throws Exception {
        Transaction endorsed = committed();
        when(proposal.endorse()).thenReturn(endorsed);
        List<HouseholdOrder> batch = List.of(order("H-9"), order("H-10"), order("H-11"));

        householdImport.submitBatchDetails(batch).commit();

        verify(builder).putAllTransient(argThat((Map<String, byte[]> data) -> data.keySet()
                .equals(java.util.Set.of(Chaincode.DETAILS_KEY, Chaincode.BATCH_KEY))
                && new String(data.get(Chaincode.BATCH_KEY), StandardCharsets.UTF_8).equals("H-10")
                && com.google.gson.JsonParser.parseString(new String(data.get(Chaincode.DETAILS_KEY),
                        StandardCharsets.UTF_8)).getAsJsonObject().keySet().equals(java.util.Set.of("H-9", "H-10", "H-11"))));
        verify(builder).setEndorsingOrganizations("LeaderMSP", "CommitteeMSP");
    }

    @Test
    void anEmptyBatchIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> householdImport.submitBatchDetails(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an empty batch has no details to send");
        verify(contract, times(0)).newProposal("PutHouseholdDetails");
    }

    @Test
    void otherRefusalsAreNotRetried() throws Exception {
        EndorseException forbidden = refused("chaincode response 500, [FORBIDDEN] only the leader of GB-7 stores details");
        when(proposal.endorse()).thenThrow(forbidden);

        assertThatThrownBy(() -> householdImport.sendDetails("{}")).isInstanceOf(LedgerFailure.class)
                .hasMessageStartingWith("[FORBIDDEN] ");
        verify(proposal, times(1)).endorse();
    }

    @Test
    void givesUpAfterTheAttemptsALaggingPeerIsGiven() throws Exception {
        EndorseException lagging = refused("chaincode response 500, [NOT_FOUND] household H-001 has no order in GB-7");
        when(proposal.endorse()).thenThrow(lagging);

        assertThatThrownBy(() -> householdImport.sendDetails("{}")).isInstanceOf(LedgerFailure.class)
                .extracting(e -> ((LedgerFailure) e).code()).isEqualTo("NOT_FOUND");
        verify(proposal, times(RetryPolicy.LAGGING_PEER_ATTEMPTS)).endorse();
    }
}
