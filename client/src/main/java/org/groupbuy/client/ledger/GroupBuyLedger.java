package org.groupbuy.client.ledger;

/**
 * The groupbuy chaincode as typed methods, one per transaction (docs/contract.md), over one
 * {@link Chaincode}: queries are evaluated, the rest submitted and waited for, transient failures
 * retried; a refusal is a {@link LedgerFailure} with the chaincode's code. Money is in cents.
 * Every method is one line that names its transaction and hands its arguments to {@link #call}.
 */
public final class GroupBuyLedger {
    private final Chaincode chaincode;

    public GroupBuyLedger(Chaincode chaincode) {
        this.chaincode = chaincode;
    }

    public static GroupBuyLedger of(LedgerSession session) {
        return new GroupBuyLedger(session.chaincode());
    }

    /** Any transaction with any arguments (e.g. junk ones, to see who is refused); queries are evaluated. */
    public Answer call(Transaction transaction, String... arguments) {
        Invocation invocation = Invocation.of(transaction, arguments);
        return transaction.intent() == Transaction.Intent.EVALUATE ? chaincode.evaluate(invocation)
                : chaincode.submit(invocation);
    }

    public Chaincode chaincode() {
        return chaincode;
    }

    /** Retries made so far through this ledger's chaincode (all callers together). */
    public long retries() {
        return chaincode.retries();
    }

    /** {@link #retries()} per "PHASE CODE" of the failure retried, e.g. {@code ENDORSE NOT_FOUND}, sorted. */
    public java.util.Map<String, Long> retriesByCode() {
        return chaincode.retriesByCode();
    }

    // ---- Commitment
    public Answer registerCommunity(String id, String name, String district, String handoverPointsJson, String policyJson) {
        return call(Transaction.REGISTER_COMMUNITY, id, name, district, handoverPointsJson, policyJson);
    }
    public Answer sign(String commitmentJson) { return call(Transaction.SIGN, commitmentJson); }
    public Answer countersign(String id) { return call(Transaction.COUNTERSIGN, id); }
    public Answer suspend(String id, String reason) { return call(Transaction.SUSPEND, id, reason); }
    public Answer reinstate(String id) { return call(Transaction.REINSTATE, id); }
    public Answer revoke(String id, String reason) { return call(Transaction.REVOKE, id, reason); }
    /** The commitment's JSON as the chaincode wrote it (for printing); {@link #getCommitment} parses it. */
    public Answer readCommitment(String id) { return call(Transaction.GET_COMMITMENT, id); }
    public CommitmentView getCommitment(String id) { return CommitmentView.of(readCommitment(id)); }
    public Answer listCommitments(String community) { return call(Transaction.LIST_COMMITMENTS, community); }

    // ---- GroupBuy
    public Answer open(String groupBuyJson) { return call(Transaction.OPEN, groupBuyJson); }
    public Answer approve(String id) { return call(Transaction.APPROVE, id); }
    public Answer decline(String id, String reason) { return call(Transaction.DECLINE, id, reason); }
    public Answer addHouseholdOrders(String id, String ordersJson) { return addHouseholdOrdersAsync(id, ordersJson).commit(); }
    /** The public orders endorsed and handed to the orderer; {@link Pending#commit()} waits for them. */
    public Pending addHouseholdOrdersAsync(String id, String ordersJson) {
        return chaincode.submitAsync(Invocation.of(Transaction.ADD_HOUSEHOLD_ORDERS, id, ordersJson));
    }
    /** Household details as transient data, endorsed only by the orgs allowed to hold them. */
    public Answer putHouseholdDetails(String groupBuyId, String detailsJson, String... endorsingMspIds) {
        return chaincode.submitPrivate(Invocation.of(Transaction.PUT_HOUSEHOLD_DETAILS, groupBuyId),
                Chaincode.DETAILS_KEY, detailsJson, endorsingMspIds);
    }
    /** {@link #putHouseholdDetails} endorsed and handed to the orderer; {@link Pending#commit()} waits. */
    public Pending putHouseholdDetailsAsync(String groupBuyId, String detailsJson, String... endorsingMspIds) {
        return chaincode.submitPrivateAsync(Invocation.of(Transaction.PUT_HOUSEHOLD_DETAILS, groupBuyId),
                Chaincode.DETAILS_KEY, detailsJson, endorsingMspIds);
    }
    /**
     * The details of every household that one AddHouseholdOrders call added, stored as one private value: the
     * chaincode checks them against that call's batch record ({@code batchId}: its first household in key order)
     * instead of reading each household's order.
     */
    public Pending putBatchDetailsAsync(String groupBuyId, String batchId, String detailsJson, String... endorsingMspIds) {
        return chaincode.submitPrivateAsync(Invocation.of(Transaction.PUT_HOUSEHOLD_DETAILS, groupBuyId)
                .withTransient(Chaincode.BATCH_KEY, batchId), Chaincode.DETAILS_KEY, detailsJson, endorsingMspIds);
    }
    public Answer cancelHouseholdOrder(String id, String household) {
        return call(Transaction.CANCEL_HOUSEHOLD_ORDER, id, household);
    }
    public Answer close(String id) { return call(Transaction.CLOSE, id); }
    public Answer cancel(String id, String reason) { return call(Transaction.CANCEL, id, reason); }
    public Answer accept(String id, String shipBy) { return call(Transaction.ACCEPT, id, shipBy); }
    public Answer reject(String id, String reason) { return call(Transaction.REJECT, id, reason); }
    public Answer pack(String id, String packJson) { return call(Transaction.PACK, id, packJson); }
    public Answer requestArrival(String id, String slot) { return call(Transaction.REQUEST_ARRIVAL, id, slot); }
    public Answer approveArrival(String id) { return call(Transaction.APPROVE_ARRIVAL, id); }
    public Answer arrivalQueue(String community, String day) { return call(Transaction.ARRIVAL_QUEUE, community, day); }
    public Answer dispatch(String id, String dispatchJson) { return call(Transaction.DISPATCH, id, dispatchJson); }
    public Answer checkpoint(String id, String place, String note) { return call(Transaction.CHECKPOINT, id, place, note); }
    public Answer reportIncident(String id, String type, String evidenceHash) {
        return call(Transaction.REPORT_INCIDENT, id, type, evidenceHash);
    }
    public Answer resolveIncident(String id, String resolution) { return call(Transaction.RESOLVE_INCIDENT, id, resolution); }
    public Answer arrive(String id, String receivedJson) { return call(Transaction.ARRIVE, id, receivedJson); }
    public Answer disinfect(String id, String method, int restMinutes) {
        return call(Transaction.DISINFECT, id, method, Integer.toString(restMinutes));
    }
    public Answer deliver(String id, String household, String pickupCode) {
        return call(Transaction.DELIVER, id, household, pickupCode);
    }
    public Answer markUndeliverable(String id, String household, String reason) {
        return call(Transaction.MARK_UNDELIVERABLE, id, household, reason);
    }
    public Answer complete(String id) { return call(Transaction.COMPLETE, id); }
    public Answer recordPayment(String id, String household, long amountCents, String refHash) {
        return call(Transaction.RECORD_PAYMENT, id, household, Long.toString(amountCents), refHash);
    }
    public Answer recordSupplierPayment(String id, long amountCents, String refHash) {
        return call(Transaction.RECORD_SUPPLIER_PAYMENT, id, Long.toString(amountCents), refHash);
    }
    public Answer recordSupplierRefund(String id, long amountCents, String evidenceHash) {
        return call(Transaction.RECORD_SUPPLIER_REFUND, id, Long.toString(amountCents), evidenceHash);
    }
    /** The supplier confirms a supplier payment it received; {@code paymentId} is the txId of its RecordSupplierPayment. */
    public Answer confirmSupplierPayment(String id, String paymentId) {
        return call(Transaction.CONFIRM_SUPPLIER_PAYMENT, id, paymentId);
    }
    /** The leader withdraws a supplier payment the supplier never confirmed. */
    public Answer withdrawSupplierPayment(String id, String paymentId) {
        return call(Transaction.WITHDRAW_SUPPLIER_PAYMENT, id, paymentId);
    }
    /** The leader confirms a supplier refund it received; {@code refundId} is the txId of its RecordSupplierRefund. */
    public Answer confirmSupplierRefund(String id, String refundId) {
        return call(Transaction.CONFIRM_SUPPLIER_REFUND, id, refundId);
    }
    /** The supplier withdraws a supplier refund the leader never confirmed. */
    public Answer withdrawSupplierRefund(String id, String refundId) {
        return call(Transaction.WITHDRAW_SUPPLIER_REFUND, id, refundId);
    }
    public Answer recordRefund(String id, String household, long amountCents, String refHash) {
        return call(Transaction.RECORD_REFUND, id, household, Long.toString(amountCents), refHash);
    }
    public Answer settle(String id) { return call(Transaction.SETTLE, id); }
    public Answer openDispute(String id, String household, String reason, long claimCents) {
        return call(Transaction.OPEN_DISPUTE, id, household, reason, Long.toString(claimCents));
    }
    public Answer ruleDispute(String disputeId, String ruling, long refundCents, String responsible) {
        return call(Transaction.RULE_DISPUTE, disputeId, ruling, Long.toString(refundCents), responsible);
    }

    // ---- Audit
    /** The group buy's JSON as the chaincode wrote it (for printing); {@link #getGroupBuy} parses it. */
    public Answer readGroupBuy(String id) { return call(Transaction.GET_GROUP_BUY, id); }
    public GroupBuyView getGroupBuy(String id) { return GroupBuyView.of(readGroupBuy(id)); }
    public Answer listGroupBuys(String community, String status, int pageSize, String bookmark) {
        return call(Transaction.LIST_GROUP_BUYS, community, status, Integer.toString(pageSize), bookmark);
    }
    public Answer listHouseholdOrders(String id, int pageSize, String bookmark) {
        return call(Transaction.LIST_HOUSEHOLD_ORDERS, id, Integer.toString(pageSize), bookmark);
    }
    public Answer getHouseholdDetails(String id, String household) {
        return call(Transaction.GET_HOUSEHOLD_DETAILS, id, household);
    }
    public Answer trace(String id) { return call(Transaction.TRACE, id); }
    public Answer traceHousehold(String id, String household) { return call(Transaction.TRACE_HOUSEHOLD, id, household); }
    public Answer partyRecord(String party) { return call(Transaction.PARTY_RECORD, party); }
    public Answer verifyEvidence(String sha256) { return call(Transaction.VERIFY_EVIDENCE, sha256); }
}
