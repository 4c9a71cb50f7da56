package org.groupbuy.chaincode.domain;

import static org.groupbuy.chaincode.domain.Role.COMMITTEE;
import static org.groupbuy.chaincode.domain.Role.COURIER;
import static org.groupbuy.chaincode.domain.Role.LEADER;
import static org.groupbuy.chaincode.domain.Role.REGULATOR;
import static org.groupbuy.chaincode.domain.Role.SUPPLIER;
import static org.groupbuy.chaincode.domain.Role.VOLUNTEER;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one declaration of which roles may ever call which transaction (docs/contract.md, column "who"). Each
 * transaction checks it before it parses an argument or reads a key, so a caller whose role can never call it
 * learns nothing but {@code [FORBIDDEN]}. Whether this caller may act on this record (its community, its group
 * buy, its leader) is decided later, on the loaded record.
 */
public enum Access {
    REGISTER_COMMUNITY("Commitment:RegisterCommunity", COMMITTEE),
    SIGN("Commitment:Sign", LEADER, SUPPLIER, COURIER),
    COUNTERSIGN("Commitment:Countersign", COMMITTEE),
    SUSPEND("Commitment:Suspend", COMMITTEE, REGULATOR),
    REINSTATE("Commitment:Reinstate", COMMITTEE),
    REVOKE("Commitment:Revoke", COMMITTEE),
    GET_COMMITMENT("Commitment:Get", Role.values()),
    LIST_COMMITMENTS("Commitment:List", Role.values()),

    OPEN("GroupBuy:Open", LEADER),
    APPROVE("GroupBuy:Approve", COMMITTEE),
    DECLINE("GroupBuy:Decline", COMMITTEE),
    ADD_HOUSEHOLD_ORDERS("GroupBuy:AddHouseholdOrders", LEADER),
    PUT_HOUSEHOLD_DETAILS("GroupBuy:PutHouseholdDetails", LEADER, COMMITTEE),
    CANCEL_HOUSEHOLD_ORDER("GroupBuy:CancelHouseholdOrder", LEADER),
    /** Anyone from cutoff + 1 h; before that GroupBuy.close narrows it to the leader and the committee. */
    CLOSE("GroupBuy:Close", Role.values()),
    CANCEL("GroupBuy:Cancel", LEADER),
    ACCEPT("GroupBuy:Accept", SUPPLIER),
    REJECT("GroupBuy:Reject", SUPPLIER),
    PACK("GroupBuy:Pack", SUPPLIER),
    REQUEST_ARRIVAL("GroupBuy:RequestArrival", LEADER),
    APPROVE_ARRIVAL("GroupBuy:ApproveArrival", COMMITTEE),
    ARRIVAL_QUEUE("GroupBuy:ArrivalQueue", Role.values()),
    DISPATCH("GroupBuy:Dispatch", COURIER),
    CHECKPOINT("GroupBuy:Checkpoint", COURIER),
    REPORT_INCIDENT("GroupBuy:ReportIncident", SUPPLIER, COURIER, COMMITTEE),
    RESOLVE_INCIDENT("GroupBuy:ResolveIncident", COMMITTEE),
    ARRIVE("GroupBuy:Arrive", COMMITTEE, VOLUNTEER),
    DISINFECT("GroupBuy:Disinfect", COMMITTEE, VOLUNTEER),
    DELIVER("GroupBuy:Deliver", VOLUNTEER, LEADER),
    MARK_UNDELIVERABLE("GroupBuy:MarkUndeliverable", VOLUNTEER, COMMITTEE, LEADER),
    COMPLETE("GroupBuy:Complete", LEADER, COMMITTEE),
    RECORD_PAYMENT("GroupBuy:RecordPayment", LEADER),
    RECORD_SUPPLIER_PAYMENT("GroupBuy:RecordSupplierPayment", LEADER),
    RECORD_REFUND("GroupBuy:RecordRefund", LEADER),
    RECORD_SUPPLIER_REFUND("GroupBuy:RecordSupplierRefund", SUPPLIER),
    CONFIRM_SUPPLIER_PAYMENT("GroupBuy:ConfirmSupplierPayment", SUPPLIER),
    WITHDRAW_SUPPLIER_PAYMENT("GroupBuy:WithdrawSupplierPayment", LEADER),
    CONFIRM_SUPPLIER_REFUND("GroupBuy:ConfirmSupplierRefund", LEADER),
    WITHDRAW_SUPPLIER_REFUND("GroupBuy:WithdrawSupplierRefund", SUPPLIER),
    SETTLE("GroupBuy:Settle", LEADER, COMMITTEE),
    OPEN_DISPUTE("GroupBuy:OpenDispute", LEADER, COMMITTEE),
    RULE_DISPUTE("GroupBuy:RuleDispute", COMMITTEE),

    GET_GROUP_BUY("Audit:GetGroupBuy", Role.values()),
    LIST_GROUP_BUYS("Audit:ListGroupBuys", Role.values()),
    LIST_HOUSEHOLD_ORDERS("Audit:ListHouseholdOrders", Role.values()),
    GET_HOUSEHOLD_DETAILS("Audit:GetHouseholdDetails", LEADER, COMMITTEE),
    TRACE("Audit:Trace", Role.values()),
    TRACE_HOUSEHOLD("Audit:TraceHousehold", Role.values()),
    PARTY_RECORD("Audit:PartyRecord", Role.values()),
    VERIFY_EVIDENCE("Audit:VerifyEvidence", Role.values());

    private final String transaction;
    private final Set<Role> roles;

    Access(final String transaction, final Role... roles) {
        this.transaction = transaction;
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(roles)));
    }

    /** {@code Contract:Name}, as a client calls it. */
    public String transaction() {
        return transaction;
    }

    /** The roles that may call it, in declaration order of {@link Role}. */
    public Set<Role> roles() {
        return roles;
    }

    /** Refuses with {@code [FORBIDDEN]} a caller whose role may never call this transaction. */
    public void check(final Caller caller) {
        caller.require(roles.contains(caller.role()), transaction, roles.toString().toLowerCase(Locale.ROOT));
    }
}
