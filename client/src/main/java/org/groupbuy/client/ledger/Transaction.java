package org.groupbuy.client.ledger;

/**
 * Every transaction of the groupbuy chaincode (docs/contract.md), the one place its contract and
 * name are written. {@link #intent()} says whether the chaincode declares it a query (evaluated on
 * one peer, nothing written) or a submit (endorsed, ordered and committed).
 */
public enum Transaction {
    // Commitment
    REGISTER_COMMUNITY(Contract.COMMITMENT, "RegisterCommunity", Intent.SUBMIT),
    SIGN(Contract.COMMITMENT, "Sign", Intent.SUBMIT),
    COUNTERSIGN(Contract.COMMITMENT, "Countersign", Intent.SUBMIT),
    SUSPEND(Contract.COMMITMENT, "Suspend", Intent.SUBMIT),
    REINSTATE(Contract.COMMITMENT, "Reinstate", Intent.SUBMIT),
    REVOKE(Contract.COMMITMENT, "Revoke", Intent.SUBMIT),
    GET_COMMITMENT(Contract.COMMITMENT, "Get", Intent.EVALUATE),
    LIST_COMMITMENTS(Contract.COMMITMENT, "List", Intent.EVALUATE),

    // GroupBuy
    OPEN(Contract.GROUP_BUY, "Open", Intent.SUBMIT),
    APPROVE(Contract.GROUP_BUY, "Approve", Intent.SUBMIT),
    DECLINE(Contract.GROUP_BUY, "Decline", Intent.SUBMIT),
    ADD_HOUSEHOLD_ORDERS(Contract.GROUP_BUY, "AddHouseholdOrders", Intent.SUBMIT),
    PUT_HOUSEHOLD_DETAILS(Contract.GROUP_BUY, "PutHouseholdDetails", Intent.SUBMIT),
    CANCEL_HOUSEHOLD_ORDER(Contract.GROUP_BUY, "CancelHouseholdOrder", Intent.SUBMIT),
    CLOSE(Contract.GROUP_BUY, "Close", Intent.SUBMIT),
    CANCEL(Contract.GROUP_BUY, "Cancel", Intent.SUBMIT),
    ACCEPT(Contract.GROUP_BUY, "Accept", Intent.SUBMIT),
    REJECT(Contract.GROUP_BUY, "Reject", Intent.SUBMIT),
    PACK(Contract.GROUP_BUY, "Pack", Intent.SUBMIT),
    REQUEST_ARRIVAL(Contract.GROUP_BUY, "RequestArrival", Intent.SUBMIT),
    APPROVE_ARRIVAL(Contract.GROUP_BUY, "ApproveArrival", Intent.SUBMIT),
    ARRIVAL_QUEUE(Contract.GROUP_BUY, "ArrivalQueue", Intent.EVALUATE),
    DISPATCH(Contract.GROUP_BUY, "Dispatch", Intent.SUBMIT),
    CHECKPOINT(Contract.GROUP_BUY, "Checkpoint", Intent.SUBMIT),
    REPORT_INCIDENT(Contract.GROUP_BUY, "ReportIncident", Intent.SUBMIT),
    RESOLVE_INCIDENT(Contract.GROUP_BUY, "ResolveIncident", Intent.SUBMIT),
    ARRIVE(Contract.GROUP_BUY, "Arrive", Intent.SUBMIT),
    DISINFECT(Contract.GROUP_BUY, "Disinfect", Intent.SUBMIT),
    DELIVER(Contract.GROUP_BUY, "Deliver", Intent.SUBMIT),
    MARK_UNDELIVERABLE(Contract.GROUP_BUY, "MarkUndeliverable", Intent.SUBMIT),
    COMPLETE(Contract.GROUP_BUY, "Complete", Intent.SUBMIT),
    RECORD_PAYMENT(Contract.GROUP_BUY, "RecordPayment", Intent.SUBMIT),
    RECORD_SUPPLIER_PAYMENT(Contract.GROUP_BUY, "RecordSupplierPayment", Intent.SUBMIT),
    RECORD_SUPPLIER_REFUND(Contract.GROUP_BUY, "RecordSupplierRefund", Intent.SUBMIT),
    CONFIRM_SUPPLIER_PAYMENT(Contract.GROUP_BUY, "ConfirmSupplierPayment", Intent.SUBMIT),
    WITHDRAW_SUPPLIER_PAYMENT(Contract.GROUP_BUY, "WithdrawSupplierPayment", Intent.SUBMIT),
    CONFIRM_SUPPLIER_REFUND(Contract.GROUP_BUY, "ConfirmSupplierRefund", Intent.SUBMIT),
    WITHDRAW_SUPPLIER_REFUND(Contract.GROUP_BUY, "WithdrawSupplierRefund", Intent.SUBMIT),
    RECORD_REFUND(Contract.GROUP_BUY, "RecordRefund", Intent.SUBMIT),
    SETTLE(Contract.GROUP_BUY, "Settle", Intent.SUBMIT),
    OPEN_DISPUTE(Contract.GROUP_BUY, "OpenDispute", Intent.SUBMIT),
    RULE_DISPUTE(Contract.GROUP_BUY, "RuleDispute", Intent.SUBMIT),

    // Audit
    GET_GROUP_BUY(Contract.AUDIT, "GetGroupBuy", Intent.EVALUATE),
    LIST_GROUP_BUYS(Contract.AUDIT, "ListGroupBuys", Intent.EVALUATE),
    LIST_HOUSEHOLD_ORDERS(Contract.AUDIT, "ListHouseholdOrders", Intent.EVALUATE),
    GET_HOUSEHOLD_DETAILS(Contract.AUDIT, "GetHouseholdDetails", Intent.EVALUATE),
    TRACE(Contract.AUDIT, "Trace", Intent.EVALUATE),
    TRACE_HOUSEHOLD(Contract.AUDIT, "TraceHousehold", Intent.EVALUATE),
    PARTY_RECORD(Contract.AUDIT, "PartyRecord", Intent.EVALUATE),
    VERIFY_EVIDENCE(Contract.AUDIT, "VerifyEvidence", Intent.EVALUATE);

    /** The chaincode's contracts, by the name {@code @Contract(name = ...)} gives them. */
    public enum Contract {
        COMMITMENT("Commitment"), GROUP_BUY("GroupBuy"), AUDIT("Audit");

        private final String contractName;

        Contract(String contractName) {
            this.contractName = contractName;
        }

        public String contractName() {
            return contractName;
        }
    }

    /** What the chaincode's {@code @Transaction(intent = ...)} says. */
    public enum Intent {
        SUBMIT, EVALUATE
    }

    private final Contract contract;
    private final String transactionName;
    private final Intent intent;

    Transaction(Contract contract, String transactionName, Intent intent) {
        this.contract = contract;
        this.transactionName = transactionName;
        this.intent = intent;
    }

    public Contract contract() {
        return contract;
    }

    /** The name inside its contract, e.g. {@code RecordPayment}. */
    public String transactionName() {
        return transactionName;
    }

    public Intent intent() {
        return intent;
    }

    /** {@code Contract:Name}, as the chaincode's own messages and docs/contract.md write it. */
    public String qualifiedName() {
        return contract.contractName() + ":" + transactionName;
    }

    /** The transaction called {@code Contract:Name}; IllegalArgumentException when there is none. */
    public static Transaction named(String qualifiedName) {
        for (Transaction t : values()) {
            if (t.qualifiedName().equals(qualifiedName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no transaction " + qualifiedName + " in the groupbuy chaincode");
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
