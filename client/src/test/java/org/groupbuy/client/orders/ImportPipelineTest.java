package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.Pending;
import org.groupbuy.client.ledger.Phase;
import org.groupbuy.client.ledger.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ImportPipelineTest {
    private final Chaincode chaincode = mock(Chaincode.class);
    private final HouseholdImport sender = new HouseholdImport(new GroupBuyLedger(chaincode), "GB-7", new SecureRandom());
    /** Every step as it happened: "orders H-1,H-2", "commit orders H-1,H-2", "codes H-1,H-2", "details ...". */
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> codeLines = Collections.synchronizedList(new ArrayList<>());

    private static HouseholdOrder order(int n) {
        return new HouseholdOrder("H-" + n, "Name " + n, "1380000000" + n, "Building " + n, Map.of("VEG", 1), false);
    }

    /** Batches of two households: [H-1,H-2], [H-3,H-4], ... */
    private static List<List<HouseholdOrder>> batches(int count) {
        return IntStream.range(0, count)
                .mapToObj(b -> List.of(order(2 * b + 1), order(2 * b + 2)))
                .toList();
    }

    private static String households(List<HouseholdOrder> batch) {
        return String.join(",", batch.stream().map(HouseholdOrder::household).toList());
    }

    private static String households(Invocation orders) {
        List<String> names = new ArrayList<>();
        for (JsonElement o : JsonParser.parseString(orders.arguments().get(1)).getAsJsonArray()) {
            names.add(o.getAsJsonObject().get("household").getAsString());
        }
        return String.join(",", names);
    }

    private static String householdsOfDetails(String detailsJson) {
        return String.join(",", JsonParser.parseString(detailsJson).getAsJsonObject().keySet());
    }

    private Pending pending(String what, RuntimeException failure) throws Exception {
        Pending pending = mock(Pending.class);
        when(pending.commit()).thenAnswer(call -> {
            steps.add("commit " + what);
            if (failure != null) {
                throw failure;
            }
            return new Answer(Transaction.ADD_HOUSEHOLD_ORDERS, "tx", "{}");
        });
        return pending;
    }

    /** Orders commit unless their batch holds {@code failing}; details always commit. */
    private void ledger(String failing) throws Exception {
        when(chaincode.submitAsync(any())).thenAnswer(call -> {
            String batch = households((Invocation) call.getArgument(0));
            steps.add("orders " + batch);
            return pending("orders " + batch, batch.contains(failing)
                    ? new CliFailure(ExitCode.COMMIT_FAILED, "COMMIT_FAILED", "MVCC_READ_CONFLICT") : null);
        });
        when(chaincode.submitPrivateAsync(any(), anyString(), anyString(), any(String[].class))).thenAnswer(call -> {
            String batch = householdsOfDetails(call.getArgument(2));
            steps.add("details " + batch);
            return pending("details " + batch, null);
        });
    }

    private ImportPipeline.Outcome run(int inFlight, List<List<HouseholdOrder>> batches) throws Exception {
        return new ImportPipeline(sender, inFlight).run(batches, new ImportPipeline.Listener() {
            @Override
            public void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                steps.add("codes " + households(batch));
                codes.forEach((household, code) -> codeLines.add(household));
            }

            @Override
            public void detailsStored(int index, List<HouseholdOrder> batch) {
                steps.add("stored " + households(batch));
            }
        });
    }

    private int at(String step) {
        int index = steps.indexOf(step);
        assertThat(index).as("step '%s' in %s", step, steps).isNotNegative();
        return index;
    }

    @Test
    void oneInFlightSendsTheBatchesInOrderEachOrdersCommitThenCodesThenDetails() throws Exception {
        ledger("none");

        ImportPipeline.Outcome outcome = run(1, batches(3));

        assertThat(outcome).isEqualTo(new ImportPipeline.Outcome(3, 3, 3, List.of(), 0));
        assertThat(steps.stream().filter(s -> s.startsWith("orders ")).toList())
                .containsExactly("orders H-1,H-2", "orders H-3,H-4", "orders H-5,H-6");
        for (String batch : List.of("H-1,H-2", "H-3,H-4", "H-5,H-6")) {
            assertThat(List.of(at("orders " + batch), at("commit orders " + batch), at("codes " + batch),
                    at("details " + batch), at("commit details " + batch), at("stored " + batch))).isSorted();
        }
        // one in flight: batch 2 is not endorsed before batch 1's orders committed
        assertThat(at("orders H-3,H-4")).isGreaterThan(at("commit orders H-1,H-2"));
        assertThat(codeLines).containsExactly("H-1", "H-2", "H-3", "H-4", "H-5", "H-6");
        assertThat(steps).hasSize(18);
    }

    @Test
    void theNextBatchIsEndorsedWhileTheFirstWaitsForItsCommit() throws Exception {
        CountDownLatch secondEndorsed = new CountDownLatch(1);
        List<Boolean> overlapped = Collections.synchronizedList(new ArrayList<>());
        when(chaincode.submitAsync(any())).thenAnswer(call -> {
            String batch = households((Invocation) call.getArgument(0));
            steps.add("orders " + batch);
            Pending pending = mock(Pending.class);
            when(pending.commit()).thenAnswer(c -> {
                if (batch.equals("H-1,H-2")) {
                    overlapped.add(secondEndorsed.await(10, TimeUnit.SECONDS));
                } else {
                    secondEndorsed.countDown();
                }
                return new Answer(Transaction.ADD_HOUSEHOLD_ORDERS, "tx", "{}");
            });
            return pending;
        });
        when(chaincode.submitPrivateAsync(any(), anyString(), anyString(), any(String[].class)))
                .thenAnswer(call -> pending("details", null));

        ImportPipeline.Outcome outcome = run(2, batches(2));

        assertThat(overlapped).containsExactly(true);
        assertThat(outcome).isEqualTo(new ImportPipeline.Outcome(2, 2, 2, List.of(), 0));
    }

    @Test
    void aFailedBatchIsReportedWithItsHouseholdsAndGetsNeitherCodesNorDetails() throws Exception {
        ledger("H-3");

        ImportPipeline.Outcome outcome = run(1, batches(4));

        assertThat(outcome.batches()).isEqualTo(4);
        assertThat(outcome.committed()).isEqualTo(1);
        assertThat(outcome.detailsStored()).isEqualTo(1);
        assertThat(outcome.notSent()).isEqualTo(2);
        assertThat(outcome.failures()).hasSize(1);
        ImportPipeline.Failure failure = outcome.failures().get(0);
        assertThat(failure.index()).isEqualTo(1);
        assertThat(failure.stage()).isEqualTo(ImportPipeline.Stage.ORDERS);
        assertThat(households(failure.batch())).isEqualTo("H-3,H-4");
        assertThat(failure.cause()).isInstanceOf(CliFailure.class).hasMessage("[COMMIT_FAILED] MVCC_READ_CONFLICT");
        assertThat(codeLines).containsExactly("H-1", "H-2");
        assertThat(steps).doesNotContain("codes H-3,H-4", "details H-3,H-4", "orders H-5,H-6", "orders H-7,H-8");
    }

    @Test
    void batchesAlreadyInFlightWhenOneFailsStillReleaseTheirCodes() throws Exception {
        ledger("H-1");

        ImportPipeline.Outcome outcome = run(3, batches(3));

        // the three batches were sent at once; only the failed one lacks codes and details
        assertThat(outcome.failures()).extracting(ImportPipeline.Failure::index).containsExactly(0);
        assertThat(outcome.committed() + outcome.notSent()).isEqualTo(2);
        List<String> expected = new ArrayList<>();
        for (String batch : List.of("H-3,H-4", "H-5,H-6")) {
            if (steps.contains("commit orders " + batch)) {
                expected.addAll(List.of(batch.split(",")));
                assertThat(at("details " + batch)).isGreaterThan(at("commit orders " + batch));
            }
        }
        assertThat(codeLines).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(codeLines).doesNotContain("H-1", "H-2");
        assertThat(steps).doesNotContain("details H-1,H-2");
    }

    @Test
    void failedDetailsAreReportedAsSuchAfterTheCodesWereReleased() throws Exception {
        ledger("none");
        LedgerFailure forbidden = new LedgerFailure(Transaction.PUT_HOUSEHOLD_DETAILS, Phase.ENDORSE,
                LedgerFailure.Source.CHAINCODE, "FORBIDDEN", "only the leader of GB-7 stores details", "tx-9", null);
        when(chaincode.submitPrivateAsync(any(), anyString(), anyString(), any(String[].class))).thenThrow(forbidden);

        ImportPipeline.Outcome outcome = run(1, batches(1));

        assertThat(outcome.committed()).isEqualTo(1);
        assertThat(outcome.failures()).hasSize(1);
        assertThat(outcome.failures().get(0).stage()).isEqualTo(ImportPipeline.Stage.DETAILS);
        assertThat(outcome.failures().get(0).index()).isEqualTo(0);
        assertThat(outcome.failures().get(0).cause()).isSameAs(forbidden);
        assertThat(codeLines).containsExactly("H-1", "H-2");
        assertThat(steps).containsExactly("orders H-1,H-2", "commit orders H-1,H-2", "codes H-1,H-2");
        assertThat(outcome.detailsStored()).isZero();
    }

    @Test
    void detailsGoOnlyToLeaderAndCommitteeAndOrdersCarryNoPersonalData() throws Exception {
        ledger("none");

        run(4, batches(5));

        org.mockito.ArgumentCaptor<Invocation> details = org.mockito.ArgumentCaptor.forClass(Invocation.class);
        verify(chaincode, org.mockito.Mockito.times(5)).submitPrivateAsync(
                details.capture(), eq(Chaincode.DETAILS_KEY), anyString(), eq("LeaderMSP"), eq("CommitteeMSP"));
        assertThat(details.getAllValues()).allSatisfy(invocation -> {
            assertThat(invocation.transaction()).isEqualTo(Transaction.PUT_HOUSEHOLD_DETAILS);
            assertThat(invocation.arguments()).containsExactly("GB-7");
        });
        // each batch is named by its first household in key order: "H-10" sorts before "H-9"
        assertThat(details.getAllValues()).extracting(invocation -> new String(
                invocation.transientData().get(Chaincode.BATCH_KEY), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("H-1", "H-3", "H-5", "H-7", "H-10");
        org.mockito.ArgumentCaptor<Invocation> orders = org.mockito.ArgumentCaptor.forClass(Invocation.class);
        verify(chaincode, org.mockito.Mockito.times(5)).submitAsync(orders.capture());
        assertThat(orders.getAllValues()).allSatisfy(invocation -> {
            assertThat(invocation.transaction()).isEqualTo(Transaction.ADD_HOUSEHOLD_ORDERS);
            assertThat(invocation.arguments().get(1)).doesNotContain("Name ", "1380000000", "Building ");
        });
        assertThat(codeLines).containsExactlyInAnyOrder("H-1", "H-2", "H-3", "H-4", "H-5", "H-6", "H-7", "H-8",
                "H-9", "H-10");
        for (int b = 0; b < 5; b++) {
            String batch = "H-" + (2 * b + 1) + ",H-" + (2 * b + 2);
            assertThat(at("details " + batch)).isGreaterThan(at("commit orders " + batch));
        }
    }

    @Test
    void codesAreHandedToTheListenerAsPendingBeforeTheSubmitAndKnownCodesAreReused() throws Exception {
        ledger("none");
        Map<String, String> pendingCodes = new java.util.LinkedHashMap<>();
        Map<String, String> committedCodes = new java.util.LinkedHashMap<>();

        ImportPipeline.Outcome outcome = new ImportPipeline(sender, 1, Map.of("H-2", "424242"))
                .run(batches(1), new ImportPipeline.Listener() {
                    @Override
                    public void aboutToSubmit(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                        steps.add("pending " + households(batch));
                        codes.forEach((household, code) -> pendingCodes.put(household, code.code()));
                    }

                    @Override
                    public void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                        steps.add("codes " + households(batch));
                        codes.forEach((household, code) -> committedCodes.put(household, code.code()));
                    }

                    @Override
                    public void detailsStored(int index, List<HouseholdOrder> batch) {
                    }
                });

        assertThat(outcome).isEqualTo(new ImportPipeline.Outcome(1, 1, 1, List.of(), 0));
        assertThat(steps.subList(0, 4)).containsExactly("pending H-1,H-2", "orders H-1,H-2", "commit orders H-1,H-2",
                "codes H-1,H-2");
        assertThat(pendingCodes.get("H-2")).isEqualTo("424242");
        assertThat(pendingCodes).isEqualTo(committedCodes);
    }

    @Test
    void aCodesFileThatCannotBeWrittenFailsTheBatchBeforeAnythingIsSent() throws Exception {
        ledger("none");

        ImportPipeline.Outcome outcome = new ImportPipeline(sender, 1).run(batches(2), new ImportPipeline.Listener() {
            @Override
            public void aboutToSubmit(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
            }

            @Override
            public void detailsStored(int index, List<HouseholdOrder> batch) {
            }
        });

        assertThat(outcome.failures()).hasSize(1);
        assertThat(outcome.failures().get(0).stage()).isEqualTo(ImportPipeline.Stage.ORDERS);
        assertThat(outcome.notSent()).isEqualTo(1);
        assertThat(steps).isEmpty();
    }
}
