package org.groupbuy.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.groupbuy.client.ledger.LedgerFailure.Source;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.InOrder;

class RetryPolicyTest {
    private final RetryPolicy.Pause pause = mock(RetryPolicy.Pause.class);
    private final RetryPolicy policy = new RetryPolicy(3, 100, pause);

    private static LedgerFailure failure(Phase phase, Source source, String code) {
        return new LedgerFailure(Transaction.RECORD_PAYMENT, phase, source, code, "detail", "tx1", null);
    }

    @Nested
    class WhatIsTransient {
        @ParameterizedTest(name = "{0} {1} {2} -> {3}")
        @CsvSource({
            "ENDORSE, TRANSPORT, ENDORSEMENT_MISMATCH, true",
            "ENDORSE, TRANSPORT, UNAVAILABLE, true",
            "EVALUATE, TRANSPORT, UNAVAILABLE, true",
            "COMMIT, VALIDATION, MVCC_READ_CONFLICT, true",
            "COMMIT, VALIDATION, PHANTOM_READ_CONFLICT, true",
            "ENDORSE, CHAINCODE, FORBIDDEN, false",
            "ENDORSE, CHAINCODE, NOT_FOUND, false",
            "EVALUATE, CHAINCODE, INVALID_STATE, false",
            "ENDORSE, TRANSPORT, DEADLINE_EXCEEDED, false",
            "ENDORSE, TRANSPORT, ABORTED, false",
            "SUBMIT, TRANSPORT, UNAVAILABLE, false",
            "SUBMIT, TRANSPORT, ABORTED, false",
            "COMMIT, TRANSPORT, UNAVAILABLE, false",
            "COMMIT, TRANSPORT, DEADLINE_EXCEEDED, false",
            "COMMIT, VALIDATION, DUPLICATE_TXID, false",
            "COMMIT, VALIDATION, ENDORSEMENT_POLICY_FAILURE, false",
            "EVALUATE, TRANSPORT, ENDORSEMENT_MISMATCH, false"
        })
        void onlyFailuresAfterWhichNothingCanHaveCommittedRetry(Phase phase, Source source, String code,
                                                                boolean retried) {
            assertThat(policy.isTransient(failure(phase, source, code))).isEqualTo(retried);
        }

        @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
        @CsvSource({
            "PUT_HOUSEHOLD_DETAILS, ENDORSE, CHAINCODE, NOT_FOUND, true",
            "PUT_HOUSEHOLD_DETAILS, ENDORSE, CHAINCODE, FORBIDDEN, false",
            "PUT_HOUSEHOLD_DETAILS, COMMIT, CHAINCODE, NOT_FOUND, false",
            "GET_HOUSEHOLD_DETAILS, EVALUATE, CHAINCODE, NOT_FOUND, false",
            "DELIVER, ENDORSE, CHAINCODE, NOT_FOUND, false"
        })
        void householdDetailsRefusedNotFoundInEndorsementRetryForAPeerThatLagsTheOrdersBlock(
                Transaction transaction, Phase phase, Source source, String code, boolean retried) {
            LedgerFailure failure = new LedgerFailure(transaction, phase, source, code, "household H-001 has no order",
                    "tx1", null);

            assertThat(policy.isTransient(failure)).isEqualTo(retried);
        }
    }

    @Nested
    class BeforeRetry {
        @Test
        void aTransientFailureWaitsWithADoublingBackoffAndIsCounted() throws Exception {
            LedgerFailure mismatch = failure(Phase.ENDORSE, Source.TRANSPORT, LedgerFailure.ENDORSEMENT_MISMATCH);

            policy.beforeRetry(1, mismatch);
            policy.beforeRetry(2, mismatch);

            InOrder order = inOrder(pause);
            order.verify(pause).sleep(org.mockito.ArgumentMatchers.longThat(ms -> ms >= 100 && ms <= 150));
            order.verify(pause).sleep(org.mockito.ArgumentMatchers.longThat(ms -> ms >= 200 && ms <= 300));
            assertThat(policy.retries()).isEqualTo(2);
            assertThat(policy.retriesByCode()).containsExactly(java.util.Map.entry("ENDORSE ENDORSEMENT_MISMATCH", 2L));
        }

        @Test
        void theLastAttemptsFailureIsThrownWithoutWaiting() throws Exception {
            LedgerFailure mismatch = failure(Phase.ENDORSE, Source.TRANSPORT, LedgerFailure.ENDORSEMENT_MISMATCH);

            assertThatThrownBy(() -> policy.beforeRetry(3, mismatch)).isSameAs(mismatch);

            verify(pause, never()).sleep(anyLong());
            assertThat(policy.retries()).isZero();
        }

        @Test
        void aRefusalIsThrownAtOnce() throws Exception {
            LedgerFailure forbidden = failure(Phase.ENDORSE, Source.CHAINCODE, "FORBIDDEN");

            assertThatThrownBy(() -> policy.beforeRetry(1, forbidden)).isSameAs(forbidden);

            verify(pause, never()).sleep(anyLong());
            assertThat(policy.retries()).isZero();
        }
    }

    @Nested
    class ALaggingCommitteePeer {
        private final LedgerFailure lagging = new LedgerFailure(Transaction.PUT_HOUSEHOLD_DETAILS, Phase.ENDORSE,
                Source.CHAINCODE, "NOT_FOUND", "order batch GB-7/H-004 does not exist", "tx1", null);

        @Test
        void getsTenAttemptsWithWaitsCappedAtTwoSeconds() throws Exception {
            for (int attempt = 1; attempt <= 9; attempt++) {
                policy.beforeRetry(attempt, lagging);
            }

            assertThatThrownBy(() -> policy.beforeRetry(10, lagging)).isSameAs(lagging);
            org.mockito.ArgumentCaptor<Long> waits = org.mockito.ArgumentCaptor.forClass(Long.class);
            verify(pause, org.mockito.Mockito.times(9)).sleep(waits.capture());
            assertThat(waits.getAllValues()).allMatch(ms -> ms <= RetryPolicy.MAX_BACKOFF_MILLIS * 3 / 2);
            assertThat(waits.getAllValues().subList(5, 9)).allMatch(ms -> ms >= RetryPolicy.MAX_BACKOFF_MILLIS);
            assertThat(policy.retriesByCode()).containsExactly(java.util.Map.entry("ENDORSE NOT_FOUND", 9L));
        }

        @Test
        void otherTransientFailuresKeepThePolicysOwnAttempts() {
            LedgerFailure mismatch = failure(Phase.ENDORSE, Source.TRANSPORT, LedgerFailure.ENDORSEMENT_MISMATCH);

            assertThatThrownBy(() -> policy.beforeRetry(3, mismatch)).isSameAs(mismatch);
        }

        @Test
        void aPolicyThatNeverRetriesDoesNotRetryItEither() throws Exception {
            RetryPolicy none = new RetryPolicy(1, 100, pause);

            assertThatThrownBy(() -> none.beforeRetry(1, lagging)).isSameAs(lagging);
            verify(pause, never()).sleep(anyLong());
        }
    }

    @Test
    void aPolicyNeedsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, 100, pause)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be >= 1 and the backoff >= 0");
    }
}
