package org.groupbuy.chaincode.ledger;

import java.util.ArrayList;
import java.util.List;
import org.groupbuy.chaincode.domain.ArrivalRequest;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.Commitment;
import org.groupbuy.chaincode.domain.Community;
import org.groupbuy.chaincode.domain.Dispute;
import org.groupbuy.chaincode.domain.GroupBuy;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.groupbuy.chaincode.domain.LeaderStanding;
import org.groupbuy.chaincode.domain.Payment;
import org.groupbuy.chaincode.domain.StepEndorsement;

/**
 * Where each record lives. Every record of the write path is a composite key of its own (no hot keys):
 * <pre>
 * community~id            commitment~id           cmtParty~party~community~id   cmtCommunity~community~id
 * groupbuy~id             gbCommunity~community~id gbParty~party~id
 * order~gb~household      payment~gb~household~tx  refund~gb~household~tx       supplierPayment~gb~tx
 * dispute~id              gbDispute~gb~id          partyDispute~party~id
 * arrival~community~day~gb   incident~gb~tx   trace~subject~kind~millis~tx   evidence~hash~tx~subject
 * </pre>
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

    public boolean hasOrder(final String groupBuyId, final String household) {
        return tx.find(HouseholdOrder.class, "order", groupBuyId, household) != null;
    }

    /** Every order of {@code gb}, each in the state the group buy gives it. */
    public List<HouseholdOrder> orders(final GroupBuy gb) {
        final List<HouseholdOrder> orders = tx.all(HouseholdOrder.class, "order", gb.id());
        orders.forEach(gb::confirmedAtClose);
        return orders;
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
