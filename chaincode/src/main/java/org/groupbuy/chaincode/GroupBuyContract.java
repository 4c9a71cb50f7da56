package org.groupbuy.chaincode;

import static org.groupbuy.chaincode.GroupBuySteps.answer;
import static org.groupbuy.chaincode.GroupBuySteps.event;
import static org.groupbuy.chaincode.GroupBuySteps.money;
import static org.groupbuy.chaincode.GroupBuySteps.orderStep;
import static org.groupbuy.chaincode.GroupBuySteps.step;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.Access;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.ArrivalReport;
import org.groupbuy.chaincode.domain.ArrivalRequest;
import org.groupbuy.chaincode.domain.CustodyEvent;
import org.groupbuy.chaincode.domain.Dispatch;
import org.groupbuy.chaincode.domain.Dispute;
import org.groupbuy.chaincode.domain.DisputeStatus;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.GroupBuy;
import org.groupbuy.chaincode.domain.HouseholdDetails;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.groupbuy.chaincode.domain.Incident;
import org.groupbuy.chaincode.domain.OrderBatch;
import org.groupbuy.chaincode.domain.PackList;
import org.groupbuy.chaincode.domain.Payment;
import org.groupbuy.chaincode.ledger.Json;
import org.groupbuy.chaincode.ledger.Repo;
import org.groupbuy.chaincode.ledger.TransientDetails;
import org.groupbuy.chaincode.ledger.Tx;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The group buy lifecycle. Routes only: load, call the domain rule, save, one event ({@link GroupBuySteps} holds
 * the load-apply-save-commit shapes the transactions share).
 */
@Contract(name = "GroupBuy", info = @Info(title = "GroupBuy", version = "1.0.0"))
public final class GroupBuyContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Open(final Context ctx, final String groupBuyJson) {
        final Tx tx = Tx.of(ctx, Access.OPEN);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = Json.parse(groupBuyJson, GroupBuy.class, "groupBuyJson");
        gb.open(tx.caller(), repo.community(gb.community()), tx.txTime());
        repo.requireActiveCommitment(tx.caller().party(), gb.community());
        repo.requireActiveCommitment(gb.supplier(), gb.community());
        ErrorCode.CONFLICT.check(repo.findGroupBuy(gb.id()) == null, "group buy %s already exists; choose another id",
                gb.id());
        repo.create(gb);
        return tx.commit(event(tx, "GroupBuyOpened", gb), gb);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Approve(final Context ctx, final String id) {
        return step(ctx, Access.APPROVE, id, (gb, tx, repo) -> {
            gb.approve(tx.caller(), tx.txTime());
            return event(tx, "GroupBuyApproved", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Decline(final Context ctx, final String id, final String reason) {
        return step(ctx, Access.DECLINE, id, (gb, tx, repo) -> {
            gb.decline(tx.caller(), reason, tx.txTime());
            return event(tx, "GroupBuyDeclined", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AddHouseholdOrders(final Context ctx, final String id, final String ordersJson) {
        final Tx tx = Tx.of(ctx, Access.ADD_HOUSEHOLD_ORDERS);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final List<HouseholdOrder> batch = Json.parseList(ordersJson, HouseholdOrder.class, "ordersJson");
        final OrderBatch added = gb.addOrders(tx.caller(), batch, hh -> repo.withOrders(gb.id(), hh), tx.txTime());
        batch.forEach(repo::save);
        repo.save(added);
        // the batch record, not the orders: they are in the arguments already, and echoing them made every import
        // transaction carry its 200 orders twice through endorsement, ordering and every peer's block store
        return tx.commit(event(tx, "HouseholdOrdersAdded", gb).detail("orders", batch.size()), added);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String PutHouseholdDetails(final Context ctx, final String groupBuyId) {
        final Tx tx = Tx.of(ctx, Access.PUT_HOUSEHOLD_DETAILS);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(groupBuyId);
        gb.requireDetailsAccess(tx.caller(), "PutHouseholdDetails");
        gb.requireDetailsWritable();
        final TreeMap<String, HouseholdDetails> details = TransientDetails.read(tx.transientData());
        final String batch = TransientDetails.batch(tx.transientData());
        if (batch == null) {
            final Set<String> ordered = repo.withOrders(gb.id(), List.copyOf(details.keySet()));
            details.keySet().forEach(h -> ErrorCode.NOT_FOUND.check(ordered.contains(h),
                    "household %s has no order in %s; AddHouseholdOrders first", h, gb.id()));
            repo.putDetails(gb.id(), details);
        } else {
            repo.putBatchDetails(repo.orderBatch(gb, batch), details);
        }
        final CustodyEvent event = event(tx, "HouseholdDetailsStored", gb).detail("households", details.size());
        final JsonObject response = new JsonObject();
        response.addProperty("groupBuyId", gb.id());
        response.addProperty("households", details.size());
        return tx.commitPrivateOnly(event, Json.write(event), response);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CancelHouseholdOrder(final Context ctx, final String id, final String household) {
        return orderStep(ctx, Access.CANCEL_HOUSEHOLD_ORDER, id, household, "HouseholdOrderCancelled",
                (gb, order, tx) -> gb.cancelOrder(tx.caller(), order, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Close(final Context ctx, final String id) {
        return step(ctx, Access.CLOSE, id, (gb, tx, repo) -> {
            gb.close(tx.caller(), repo.orders(gb), tx.txTime());
            return event(tx, "GroupBuyClosed", gb).detail("failureCause", gb.failureCause());
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Cancel(final Context ctx, final String id, final String reason) {
        return step(ctx, Access.CANCEL, id, (gb, tx, repo) -> {
            gb.cancel(tx.caller(), reason, tx.txTime());
            return event(tx, "GroupBuyCancelled", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Accept(final Context ctx, final String id, final String shipBy) {
        return step(ctx, Access.ACCEPT, id, (gb, tx, repo) -> {
            gb.accept(tx.caller(), shipBy, tx.txTime());
            repo.requireActiveCommitment(tx.caller().party(), gb.community());
            return event(tx, "GroupBuyAccepted", gb).detail("shipBy", gb.shipBy());
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Reject(final Context ctx, final String id, final String reason) {
        return step(ctx, Access.REJECT, id, (gb, tx, repo) -> {
            gb.reject(tx.caller(), reason, tx.txTime());
            return event(tx, "GroupBuyRejected", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Pack(final Context ctx, final String id, final String packJson) {
        return step(ctx, Access.PACK, id, (gb, tx, repo) -> {
            final List<String> evidence = gb.pack(tx.caller(),
                    Json.parse(packJson, PackList.class, "packJson"), tx.txTime());
            repo.requireActiveCommitment(tx.caller().party(), gb.community());
            final CustodyEvent e = event(tx, "GroupBuyPacked", gb);
            evidence.forEach(e::evidence);
            return e;
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RequestArrival(final Context ctx, final String id, final String slot) {
        return step(ctx, Access.REQUEST_ARRIVAL, id, (gb, tx, repo) -> {
            final ArrivalRequest previous = repo.arrival(gb);
            final ArrivalRequest request = gb.handOver().requestArrival(tx.caller(), slot, previous, tx.txTime());
            if (previous != null) {
                repo.delete(previous);
            }
            repo.save(request);
            return event(tx, "ArrivalRequested", gb, request.status()).detail("slot", request.slot());
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ApproveArrival(final Context ctx, final String id) {
        return step(ctx, Access.APPROVE_ARRIVAL, id, (gb, tx, repo) -> {
            final ArrivalRequest request = repo.arrival(gb);
            gb.handOver().approveArrival(tx.caller(), request, day -> repo.arrivals(gb.community(), day),
                    repo.community(gb.community()), tx.txTime());
            repo.save(request);
            return event(tx, "ArrivalApproved", gb, request.status()).detail("slot", request.slot());
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ArrivalQueue(final Context ctx, final String community, final String day) {
        final Tx tx = Tx.of(ctx, Access.ARRIVAL_QUEUE);
        final String d = Args.day(day, "day").toString();
        return Json.write(ArrivalRequest.queue(new Repo(tx).arrivals(Args.id(community, "community"), d)));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Dispatch(final Context ctx, final String id, final String dispatchJson) {
        return step(ctx, Access.DISPATCH, id, (gb, tx, repo) -> {
            gb.transport().dispatch(tx.caller(), Json.parse(dispatchJson, Dispatch.class, "dispatchJson"), tx.txTime());
            repo.requireActiveCommitment(tx.caller().party(), gb.community());
            repo.indexParty(gb.courier(), gb);
            return event(tx, "GroupBuyDispatched", gb).evidence(gb.transport().driverHealthCheckHash());
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Checkpoint(final Context ctx, final String id, final String place, final String note) {
        final Tx tx = Tx.of(ctx, Access.CHECKPOINT);
        final GroupBuy gb = new Repo(tx).groupBuy(id);
        gb.transport().checkpoint(tx.caller(), place, note);
        return tx.commit(event(tx, "CheckpointRecorded", gb).detail("place", place).detail("note", note), gb);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ReportIncident(final Context ctx, final String id, final String type, final String evidenceHash) {
        return step(ctx, Access.REPORT_INCIDENT, id, (gb, tx, repo) -> {
            final Incident incident = gb.transport().reportIncident(tx.caller(), type, evidenceHash, tx.txId(),
                    tx.txTime());
            tx.put(incident, "incident", gb.id(), tx.txId());
            return event(tx, "IncidentReported", gb).detail("incident", incident.type())
                    .evidence(incident.evidenceHash());
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ResolveIncident(final Context ctx, final String id, final String resolution) {
        return step(ctx, Access.RESOLVE_INCIDENT, id, (gb, tx, repo) -> {
            gb.transport().resolveIncident(tx.caller(), resolution, tx.txTime());
            final CustodyEvent e = event(tx, "IncidentResolved", gb).detail("resolution", resolution);
            final ArrivalRequest request = repo.arrival(gb);
            if (request != null && gb.handOver().withdrawsArrival()) {
                repo.delete(request);
                e.detail("arrivalWithdrawn", request.slot());
            }
            return e;
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Arrive(final Context ctx, final String id, final String receivedJson) {
        return step(ctx, Access.ARRIVE, id, (gb, tx, repo) -> {
            final List<String> evidence = gb.handOver().arrive(tx.caller(),
                    Json.parse(receivedJson, ArrivalReport.class, "receivedJson"), tx.txTime());
            final CustodyEvent e = event(tx, "GroupBuyArrived", gb).detail("shortageAgainst", gb.shortageAgainst());
            evidence.forEach(e::evidence);
            return e;
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Disinfect(final Context ctx, final String id, final String method, final String restMinutes) {
        return step(ctx, Access.DISINFECT, id, (gb, tx, repo) -> {
            gb.handOver().disinfect(tx.caller(), repo.community(gb.community()), method, restMinutes, tx.txTime(),
                    () -> repo.orders(gb));
            return event(tx, "GroupBuyDisinfected", gb).detail("method", method).detail("restMinutes", restMinutes);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Deliver(final Context ctx, final String id, final String household, final String pickupCode) {
        return orderStep(ctx, Access.DELIVER, id, household, "HouseholdDelivered", (gb, order, tx) ->
                gb.handOver().deliver(tx.caller(), order, pickupCode, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String MarkUndeliverable(final Context ctx, final String id, final String household, final String reason) {
        return orderStep(ctx, Access.MARK_UNDELIVERABLE, id, household, "HouseholdUndeliverable",
                (gb, order, tx) -> gb.handOver().markUndeliverable(tx.caller(), order, reason, tx.txTime()));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Complete(final Context ctx, final String id) {
        return step(ctx, Access.COMPLETE, id, (gb, tx, repo) -> {
            gb.handOver().complete(tx.caller(), repo.orders(gb), tx.txTime());
            return event(tx, "GroupBuyCompleted", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordPayment(final Context ctx, final String id, final String household, final String amountCents,
            final String refHash) {
        return money(ctx, Access.RECORD_PAYMENT, Payment.Kind.PAYMENT, id, household, amountCents, refHash, "PaymentRecorded");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordSupplierPayment(final Context ctx, final String id, final String amountCents,
            final String refHash) {
        return money(ctx, Access.RECORD_SUPPLIER_PAYMENT, Payment.Kind.SUPPLIER_PAYMENT, id, null, amountCents, refHash, "SupplierPaymentRecorded");
    }

    /** The supplier pays money back to the leader (a household refunded after the supplier was paid). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordSupplierRefund(final Context ctx, final String id, final String amountCents,
            final String evidenceHash) {
        return money(ctx, Access.RECORD_SUPPLIER_REFUND, Payment.Kind.SUPPLIER_REFUND, id, null, amountCents,
                evidenceHash, "SupplierRefundRecorded");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordRefund(final Context ctx, final String id, final String household, final String amountCents,
            final String refHash) {
        return money(ctx, Access.RECORD_REFUND, Payment.Kind.REFUND, id, household, amountCents, refHash, "RefundRecorded");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ConfirmSupplierPayment(final Context ctx, final String id, final String paymentId) {
        return answer(ctx, Access.CONFIRM_SUPPLIER_PAYMENT, Payment.Kind.SUPPLIER_PAYMENT, id, paymentId, true,
                "SupplierPaymentConfirmed");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String WithdrawSupplierPayment(final Context ctx, final String id, final String paymentId) {
        return answer(ctx, Access.WITHDRAW_SUPPLIER_PAYMENT, Payment.Kind.SUPPLIER_PAYMENT, id, paymentId, false,
                "SupplierPaymentWithdrawn");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ConfirmSupplierRefund(final Context ctx, final String id, final String paymentId) {
        return answer(ctx, Access.CONFIRM_SUPPLIER_REFUND, Payment.Kind.SUPPLIER_REFUND, id, paymentId, true,
                "SupplierRefundConfirmed");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String WithdrawSupplierRefund(final Context ctx, final String id, final String paymentId) {
        return answer(ctx, Access.WITHDRAW_SUPPLIER_REFUND, Payment.Kind.SUPPLIER_REFUND, id, paymentId, false,
                "SupplierRefundWithdrawn");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Settle(final Context ctx, final String id) {
        return step(ctx, Access.SETTLE, id, (gb, tx, repo) -> {
            gb.settle(tx.caller(), repo.community(gb.community()), repo.orders(gb), repo.money(gb.id()),
                    repo.disputes(gb.id()), tx.txTime());
            return event(tx, "GroupBuySettled", gb);
        });
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String OpenDispute(final Context ctx, final String id, final String household, final String reason,
            final String claimCents) {
        final Tx tx = Tx.of(ctx, Access.OPEN_DISPUTE);
        final Repo repo = new Repo(tx);
        final GroupBuy gb = repo.groupBuy(id);
        final String disputeId = "D-" + tx.txId().substring(0, Math.min(24, tx.txId().length()));
        final Dispute d = Dispute.openOn(gb, tx.caller(), repo.order(gb, household), reason, claimCents,
                disputeId, repo.disputes(gb.id()), tx.txTime());
        repo.save(d);
        return tx.commit(tx.event("dispute", "DisputeOpened", d.id(), d.status()).groupBuy(gb.id())
                .household(d.household()), d);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RuleDispute(final Context ctx, final String disputeId, final String ruling, final String refundCents,
            final String responsible) {
        final Tx tx = Tx.of(ctx, Access.RULE_DISPUTE);
        final Repo repo = new Repo(tx);
        final Dispute d = repo.dispute(disputeId);
        final GroupBuy gb = repo.groupBuy(d.groupBuyId());
        d.rule(tx.caller(), gb, Args.oneOf(ruling, DisputeStatus.class, "ruling"),
                Args.amount(refundCents, "refundCents", 0), responsible, repo.money(gb.id(), d.household()),
                repo.disputes(gb.id()), tx.txTime());
        repo.save(d);
        return tx.commit(tx.event("dispute", "DisputeRuled", d.id(), d.status()).groupBuy(gb.id())
                .household(d.household()).detail("refundCents", d.refundCents())
                .detail("responsible", d.responsibleParty()), d);
    }
}
