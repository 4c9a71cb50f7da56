package org.groupbuy.client.orders;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.Pending;

/**
 * Sends household orders of one group buy with the privacy split: the public order (reference,
 * lines, salted pickup-code hash) to every endorser, the personal details only as transient data
 * endorsed by LeaderMSP and CommitteeMSP.
 */
public final class HouseholdImport {
    public static final String[] DETAIL_ENDORSERS = {"LeaderMSP", "CommitteeMSP"};
    private final GroupBuyLedger ledger;
    private final String groupBuyId;
    private final SecureRandom random;

    public HouseholdImport(GroupBuyLedger ledger, String groupBuyId, SecureRandom random) {
        this.ledger = ledger;
        this.groupBuyId = groupBuyId;
        this.random = random;
    }

    /** Draws a pickup code per household and submits the public orders; returns the codes to hand out. */
    public Map<String, PickupCode> sendOrders(List<HouseholdOrder> batch) {
        Map<String, PickupCode> codes = new LinkedHashMap<>();
        batch.forEach(order -> codes.put(order.household(), PickupCode.draw(random)));
        ledger.addHouseholdOrders(groupBuyId, OrderPayloads.publicOrders(batch, codes));
        return codes;
    }

    /** The public orders of one batch with the pickup codes drawn for them, handed to the orderer. */
    public record SubmittedOrders(Map<String, PickupCode> codes, Pending pending) {
    }

    /**
     * Draws a pickup code per household, endorses the public orders and hands them to the orderer
     * without waiting for the commit; the codes may be handed out only once {@code pending.commit()}
     * returned.
     */
    public SubmittedOrders submitOrders(List<HouseholdOrder> batch) {
        return submitOrders(batch, drawCodes(batch, Map.of()));
    }

    /**
     * A fresh salt per household and a pickup code: the one in {@code known} (a code written as
     * pending by an earlier run whose orders did not commit, so the codes file keeps one code per
     * household), else a new one.
     */
    public Map<String, PickupCode> drawCodes(List<HouseholdOrder> batch, Map<String, String> known) {
        Map<String, PickupCode> codes = new LinkedHashMap<>();
        for (HouseholdOrder order : batch) {
            PickupCode drawn = PickupCode.draw(random);
            String code = known.get(order.household());
            codes.put(order.household(), code == null ? drawn : new PickupCode(drawn.salt(), code));
        }
        return codes;
    }

    /** Endorses the public orders with the given codes and hands them to the orderer without waiting. */
    public SubmittedOrders submitOrders(List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
        Pending pending = ledger.addHouseholdOrdersAsync(groupBuyId, OrderPayloads.publicOrders(batch, codes));
        return new SubmittedOrders(codes, pending);
    }

    /**
     * The households (in the given order) whose personal details are not in the private collection:
     * Audit:GetHouseholdDetails answers [NOT_FOUND] or nothing.
     */
    public List<String> withoutDetails(List<String> households) {
        List<String> missing = new ArrayList<>();
        for (String household : households) {
            try {
                String payload = ledger.getHouseholdDetails(groupBuyId, household).payload();
                if (payload == null || payload.isBlank() || payload.strip().equals("{}")
                        || payload.strip().equals("null")) {
                    missing.add(household);
                }
            } catch (LedgerFailure e) {
                if (!notFound(e)) {
                    throw e;
                }
                missing.add(household);
            }
        }
        return missing;
    }

    private static boolean notFound(LedgerFailure e) {
        return e.fromChaincode() && e.code().equals("NOT_FOUND");
    }

    /**
     * Endorses (by LeaderMSP and CommitteeMSP only) and hands to the orderer the personal details of
     * a batch whose orders committed. The committee's peer may not have the orders' block yet and then
     * refuses with [NOT_FOUND] at endorsement: the ledger API's {@code RetryPolicy} retries that.
     */
    public Pending submitDetails(List<HouseholdOrder> batch) {
        return ledger.putHouseholdDetailsAsync(groupBuyId, OrderPayloads.privateDetails(batch), DETAIL_ENDORSERS);
    }

    /**
     * {@link #submitDetails} for exactly the households of one {@link #submitOrders} call: sent with that call's batch
     * id (its first household in key order), so the chaincode checks one batch record and writes one private value.
     */
    public Pending submitBatchDetails(List<HouseholdOrder> batch) {
        String batchId = batch.stream().map(HouseholdOrder::household).min(String::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("an empty batch has no details to send"));
        return ledger.putBatchDetailsAsync(groupBuyId, batchId, OrderPayloads.privateDetails(batch), DETAIL_ENDORSERS);
    }

    /** Stores names, phones and addresses in the private collection only. */
    public void sendDetails(List<HouseholdOrder> batch) {
        sendDetails(OrderPayloads.privateDetails(batch));
    }

    /** Stores details given as JSON (household -> name, phone, address); retried as {@link #submitDetails}. */
    public void sendDetails(String detailsJson) {
        ledger.putHouseholdDetails(groupBuyId, detailsJson, DETAIL_ENDORSERS);
    }
}
