package org.groupbuy.chaincode.ledger;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.groupbuy.chaincode.domain.ArrivalRequest;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.Commitment;
import org.groupbuy.chaincode.domain.Community;
import org.groupbuy.chaincode.domain.Dispute;
import org.groupbuy.chaincode.domain.GroupBuy;
import org.groupbuy.chaincode.domain.HouseholdDetails;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.groupbuy.chaincode.domain.LeaderStanding;
import org.groupbuy.chaincode.domain.OrderBatch;
import org.groupbuy.chaincode.domain.Payment;
import org.groupbuy.chaincode.domain.StepEndorsement;

/**
 * Where each record lives. Every record of the write path is a composite key of its own (no hot keys):
 * <pre>
 * community~id            commitment~id           cmtParty~party~community~id   cmtCommunity~community~id
 * groupbuy~id             gbCommunity~community~id gbParty~party~id
 * order~gb~household      orderBatch~gb~firstHousehold
 * payment~gb~household~tx  refund~gb~household~tx       supplierPayment~gb~tx
 * dispute~id              gbDispute~gb~id          partyDispute~party~id
 * arrival~community~day~gb   incident~gb~tx   trace~subject~kind~millis~tx   evidence~hash~tx~subject
 * </pre>
 * and in the private collection {@code details~gb~household} and {@code detailsBatch~gb~firstHousehold}.
 * Records a party's step changes (community aside: only registered) carry the key-level endorsement policy of their
 * next change, {@link StepEndorsement}; payments, traces and indexes are written once and keep the chaincode's.
 */
public final class Repo {
    private final Tx tx;

    public Repo(final Tx tx) {
        this.tx = tx;
    }

    public Community community(final String id) {
        return tx.get(Community.class, "community", "a committee registers it with Commitment:RegisterCommunity",
                "community", Args.id(id, "community"));
    }

    public Commitment commitment(final String id) {
        return tx.get(Commitment.class, "commitment", "check the id with Commitment:List", "commitment",
                Args.id(id, "commitment id"));
    }

    public List<Commitment> commitmentsOf(final String party, final String... community) {
        final List<Commitment> out = new ArrayList<>();
        final String[] partial = community.length == 0 ? new String[] {party} : new String[] {party, community[0]};
        tx.lastAttributes("cmtParty", partial).forEach(id -> out.add(commitment(id)));
        return out;
    }

    public List<Commitment> commitmentsIn(final String community) {
        final List<Commitment> out = new ArrayList<>();
        tx.lastAttributes("cmtCommunity", Args.id(community, "community")).forEach(id -> out.add(commitment(id)));
        return out;
    }

    /** The gate for leaders, suppliers and couriers acting in a community. */
    public void requireActiveCommitment(final String party, final String community) {
        Commitment.requireActive(commitmentsOf(party, community), party, community, tx.txTime());
    }

    /**
     * The group buy; when its own leader calls a step that {@link LeaderStanding} keeps from a suspended or revoked
     * leader, the leader's commitment must be ACTIVE.
     */
    public GroupBuy groupBuy(final String id) {
        final GroupBuy gb = tx.get(GroupBuy.class, "group buy", "check the id with Audit:ListGroupBuys", "groupbuy",
                Args.id(id, "group buy id"));
        if (LeaderStanding.applies(tx.access(), tx.caller(), gb)) {
            requireActiveCommitment(tx.caller().party(), gb.community());
        }
        return gb;
    }

    public GroupBuy findGroupBuy(final String id) {
        return tx.find(GroupBuy.class, "groupbuy", id);
    }

    /** A household's order of {@code gb}, in the state the group buy gives it ({@link GroupBuy#confirmedAtClose}). */
    public HouseholdOrder order(final GroupBuy gb, final String household) {
        return gb.confirmedAtClose(tx.get(HouseholdOrder.class, "household order",
                "check it with Audit:ListHouseholdOrders", "order", gb.id(), Args.id(household, "household")));
    }

    /** Which of {@code households} have an order in the group buy, read in one round trip for all. */
    public Set<String> withOrders(final String groupBuyId, final List<String> households) {
        return tx.present("order", households, groupBuyId);
    }

    /** Every order of {@code gb}, each in the state the group buy gives it. */
    public List<HouseholdOrder> orders(final GroupBuy gb) {
        final List<HouseholdOrder> orders = tx.all(HouseholdOrder.class, "order", gb.id());
        orders.forEach(gb::confirmedAtClose);
        return orders;
    }

    /** The batch {@code batchId} (its first household) of {@code gb}'s AddHouseholdOrders calls. */
    public OrderBatch orderBatch(final GroupBuy gb, final String batchId) {
        return tx.get(OrderBatch.class, "order batch", "a batch's id is the first household, in key order, of one "
                + "AddHouseholdOrders call", "orderBatch", gb.id(), Args.id(batchId, "batch"));
    }

    // ---- personal details (private collection) ------------------------------------------------------------

    /** A household's details as stored (its own key first, else its batch's entry), or null when none are. */
    public String details(final GroupBuy gb, final HouseholdOrder order) {
        final String own = tx.getPrivate(tx.key("details", gb.id(), order.household()));
        if (own != null || order.batch() == null) {
            return own;
        }
        final HouseholdDetails entry = batchDetails(gb.id(), order.batch()).get(order.household());
        return entry == null ? null : Json.write(entry);
    }

    /** The details stored for one batch, by household (empty when none are). */
    public TreeMap<String, HouseholdDetails> batchDetails(final String groupBuyId, final String batchId) {
        final TreeMap<String, HouseholdDetails> out = new TreeMap<>();
        final String stored = tx.getPrivate(tx.key("detailsBatch", groupBuyId, batchId));
        if (stored != null) {
            for (final Map.Entry<String, JsonElement> e : Json.tree(stored, "stored details").getAsJsonObject()
                    .entrySet()) {
                out.put(e.getKey(), Json.read(e.getValue().toString(), HouseholdDetails.class));
            }
        }
        return out;
    }

    /** Each household's details under its own key. */
    public void putDetails(final String groupBuyId, final Map<String, HouseholdDetails> details) {
        details.forEach((h, d) -> tx.putPrivate(tx.key("details", groupBuyId, h), Json.write(d)));
    }

    /** The details of households of one batch, merged into what the batch holds already, as one private value. */
    public void putBatchDetails(final OrderBatch batch, final Map<String, HouseholdDetails> details) {
        batch.requireHolds(details.keySet());
        final TreeMap<String, HouseholdDetails> all = batchDetails(batch.groupBuyId(), batch.id());
        all.putAll(details);
        tx.putPrivate(tx.key("detailsBatch", batch.groupBuyId(), batch.id()), Json.write(all));
    }

    /** Purges every household's details of {@code gb}: their own keys and their batches' values. */
    public void purgeDetails(final GroupBuy gb) {
        final Set<String> batches = new LinkedHashSet<>();
        for (final HouseholdOrder o : orders(gb)) {
            tx.purgePrivate(tx.key("details", gb.id(), o.household()));
            if (o.batch() != null) {
                batches.add(o.batch());
            }
        }
        batches.forEach(b -> tx.purgePrivate(tx.key("detailsBatch", gb.id(), b)));
    }

    /** Payments, supplier payments, refunds and supplier refunds of a group buy, or of one household when given. */
    public List<Payment> money(final String groupBuyId, final String... household) {
        final List<Payment> out = new ArrayList<>();
        for (final Payment.Kind kind : Payment.Kind.values()) {
            if (household.length == 0 || kind != Payment.Kind.SUPPLIER_PAYMENT && kind != Payment.Kind.SUPPLIER_REFUND) {
                out.addAll(tx.all(Payment.class, kind.keyType(), prepend(groupBuyId, household)));
            }
        }
        return out;
    }

    /** One supplier payment or supplier refund of a group buy, by the id of the transaction that recorded it. */
    public Payment supplierEntry(final String groupBuyId, final Payment.Kind kind, final String txId) {
        return tx.get(Payment.class, kind.keyType(), "its id is the txId the recording transaction answered; "
                + "Audit:Trace of the group buy lists them", kind.keyType(), groupBuyId, Args.id(txId, "payment id"));
    }

    private static String[] prepend(final String first, final String... rest) {
        final String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    public Dispute dispute(final String id) {
        return tx.get(Dispute.class, "dispute", "disputes are listed in Audit:Trace of the group buy", "dispute",
                Args.id(id, "dispute id"));
    }

    public List<Dispute> disputes(final String groupBuyId) {
        final List<Dispute> out = new ArrayList<>();
        tx.lastAttributes("gbDispute", groupBuyId).forEach(id -> out.add(dispute(id)));
        return out;
    }

    public ArrivalRequest arrival(final GroupBuy gb) {
        if (gb.arrivalSlot() == null) {
            return null;
        }
        final String day = gb.arrivalSlot().substring(0, 10);
        return tx.find(ArrivalRequest.class, "arrival", gb.community(), day, gb.id());
    }

    public List<ArrivalRequest> arrivals(final String community, final String day) {
        return tx.all(ArrivalRequest.class, "arrival", community, day);
    }

    // ---- writes (buffered until Tx.commit) -----------------------------------------------------------------

    public void save(final Community c) {
        tx.put(c, "community", c.id());
    }

    public void save(final Commitment c) {
        tx.put(c, StepEndorsement.of(c), "commitment", c.id());
        tx.index("cmtParty", c.party(), c.community(), c.id());
        tx.index("cmtCommunity", c.community(), c.id());
    }

    public void save(final GroupBuy gb) {
        tx.put(gb, StepEndorsement.of(gb), "groupbuy", gb.id());
    }

    /** A new group buy: the record and its indexes by community and by party. */
    public void create(final GroupBuy gb) {
        save(gb);
        tx.index("gbCommunity", gb.community(), gb.id());
        tx.index("gbParty", gb.leader(), gb.id());
        tx.index("gbParty", gb.supplier(), gb.id());
    }

    public void indexParty(final String party, final GroupBuy gb) {
        tx.index("gbParty", party, gb.id());
    }

    public void save(final HouseholdOrder o) {
        tx.put(o, StepEndorsement.of(o), "order", o.groupBuyId(), o.household());
    }

    /** Written once, with the chaincode's endorsement policy (like an index). */
    public void save(final OrderBatch b) {
        tx.put(b, "orderBatch", b.groupBuyId(), b.id());
    }

    public void save(final String groupBuyId, final Payment p) {
        if (p.household() == null) {
            tx.put(p, p.kind().keyType(), groupBuyId, p.txId());
        } else {
            tx.put(p, p.kind().keyType(), groupBuyId, p.household(), p.txId());
        }
    }

    public void save(final Dispute d) {
        tx.put(d, StepEndorsement.of(d), "dispute", d.id());
        tx.index("gbDispute", d.groupBuyId(), d.id());
        if (d.responsibleParty() != null) {
            tx.index("partyDispute", d.responsibleParty(), d.id());
        }
    }

    public void save(final ArrivalRequest r) {
        tx.put(r, StepEndorsement.of(r), "arrival", r.community(), r.day(), r.groupBuyId());
    }

    public void delete(final ArrivalRequest r) {
        tx.delete("arrival", r.community(), r.day(), r.groupBuyId());
    }
}
