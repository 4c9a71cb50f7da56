package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.security.SecureRandom;
import java.util.List;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.FailureDecoder;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.Phase;
import org.groupbuy.client.ledger.Transaction;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

class HouseholdImportTest {
    private final Chaincode chaincode = mock(Chaincode.class);
    private final HouseholdImport householdImport = new HouseholdImport(chaincode, "GB-7", new SecureRandom(), 1);

    private static LedgerFailure refused(String message) {
        EndorseException e = mock(EndorseException.class);
        when(e.getDetails()).thenReturn(List.of(ErrorDetail.newBuilder().setMspId("CommitteeMSP").setMessage(message).build()));
        when(e.getStatus()).thenReturn(Status.ABORTED.withDescription("failed to endorse transaction"));
        when(e.getTransactionId()).thenReturn("tx-details");
        return FailureDecoder.decode(Transaction.PUT_HOUSEHOLD_DETAILS, Phase.ENDORSE, null, e);
    }

    @Test
    void detailsAreRetriedWhileTheCommitteesPeerHasNotSeenTheOrders() throws Exception {
        LedgerFailure lagging = refused("chaincode response 500, [NOT_FOUND] household H-001 has no order in GB-7");
        when(chaincode.submitPrivate(any(), anyString(), anyString(), any(String[].class)))
                .thenThrow(lagging)
                .thenReturn(new Answer("tx1", "{}"));

        householdImport.sendDetails("{\"H-001\":{\"name\":\"A\",\"phone\":\"13800000001\",\"address\":\"B\"}}");

        verify(chaincode, times(2)).submitPrivate(any(), anyString(), anyString(), any(String[].class));
    }

    @Test
    void otherRefusalsAreNotRetried() throws Exception {
        LedgerFailure forbidden = refused("chaincode response 500, [FORBIDDEN] only the leader of GB-7 stores details");
        when(chaincode.submitPrivate(any(), anyString(), anyString(), any(String[].class))).thenThrow(forbidden);

        assertThatThrownBy(() -> householdImport.sendDetails("{}")).isInstanceOf(LedgerFailure.class);
        verify(chaincode, times(1)).submitPrivate(any(), anyString(), anyString(), any(String[].class));
    }

    @Test
    void givesUpAfterSixAttempts() throws Exception {
        LedgerFailure lagging = refused("[NOT_FOUND] household H-001 has no order in GB-7");
        when(chaincode.submitPrivate(any(), anyString(), anyString(), any(String[].class))).thenThrow(lagging);

        assertThatThrownBy(() -> householdImport.sendDetails("{}")).isInstanceOf(LedgerFailure.class);
        verify(chaincode, times(HouseholdImport.DETAIL_ATTEMPTS)).submitPrivate(any(), anyString(), anyString(),
                any(String[].class));
    }
}
