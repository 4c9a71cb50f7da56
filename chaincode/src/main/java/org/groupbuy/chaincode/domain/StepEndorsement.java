package org.groupbuy.chaincode.domain;

import static org.groupbuy.chaincode.domain.Access.ACCEPT;
import static org.groupbuy.chaincode.domain.Access.APPROVE;
import static org.groupbuy.chaincode.domain.Access.APPROVE_ARRIVAL;
import static org.groupbuy.chaincode.domain.Access.ARRIVE;
import static org.groupbuy.chaincode.domain.Access.CANCEL;
import static org.groupbuy.chaincode.domain.Access.CANCEL_HOUSEHOLD_ORDER;
import static org.groupbuy.chaincode.domain.Access.CLOSE;
import static org.groupbuy.chaincode.domain.Access.COMPLETE;
import static org.groupbuy.chaincode.domain.Access.COUNTERSIGN;
import static org.groupbuy.chaincode.domain.Access.DECLINE;
import static org.groupbuy.chaincode.domain.Access.DELIVER;
import static org.groupbuy.chaincode.domain.Access.DISINFECT;
import static org.groupbuy.chaincode.domain.Access.DISPATCH;
import static org.groupbuy.chaincode.domain.Access.MARK_UNDELIVERABLE;
import static org.groupbuy.chaincode.domain.Access.PACK;
import static org.groupbuy.chaincode.domain.Access.RECORD_REFUND;
import static org.groupbuy.chaincode.domain.Access.REINSTATE;
import static org.groupbuy.chaincode.domain.Access.REJECT;
import static org.groupbuy.chaincode.domain.Access.REPORT_INCIDENT;
import static org.groupbuy.chaincode.domain.Access.REQUEST_ARRIVAL;
import static org.groupbuy.chaincode.domain.Access.RESOLVE_INCIDENT;
import static org.groupbuy.chaincode.domain.Access.REVOKE;
import static org.groupbuy.chaincode.domain.Access.RULE_DISPUTE;
import static org.groupbuy.chaincode.domain.Access.SETTLE;
import static org.groupbuy.chaincode.domain.Access.SUSPEND;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whose peers must endorse the next change of a record (a state-based endorsement policy on its key, written with
 * every change): peers of {@link #quorum} distinct orgs of {@link #members}, among them every org of {@link #required},
 * the orgs that may take a step from the record's state. A
 * committee step can then only be forged with the committee's own peer, a supplier step with the supplier's, so a
 * forgery needs the acting party plus others to reach the majority. A final state keeps the record locked to the
 * leader and the committee.
 *
 * <p>The steps come from the transition tables: {@link #STEPS} lists, per state, the transactions that change the
 * record from it, and {@link Access} says which roles take them. Supplier and courier orgs are read from the group
 * buy's parties ({@code MSPID/commonName}), never assumed; a courier not yet known (before Dispatch) adds no org.
 */
public record StepEndorsement(SortedSet<String> members, int quorum, SortedSet<String> required) {

    /** The transactions that change a record from a state, keyed {@code Enum.STATE}. */
    private static final TreeMap<String, List<Access>> STEPS = new TreeMap<>();

    static {
        from(GroupBuyStatus.PENDING_APPROVAL, APPROVE, DECLINE, CANCEL);
        from(GroupBuyStatus.OPEN, CLOSE, CANCEL);
        from(GroupBuyStatus.SUBMITTED, ACCEPT, REJECT, CANCEL);
        from(GroupBuyStatus.ACCEPTED, PACK, REQUEST_ARRIVAL, APPROVE_ARRIVAL);
        from(GroupBuyStatus.PACKED, DISPATCH, REPORT_INCIDENT, REQUEST_ARRIVAL, APPROVE_ARRIVAL);
        from(GroupBuyStatus.IN_TRANSIT, ARRIVE, REPORT_INCIDENT, REQUEST_ARRIVAL, APPROVE_ARRIVAL);
        from(GroupBuyStatus.ARRIVED, DISINFECT, REPORT_INCIDENT, APPROVE_ARRIVAL);
        from(GroupBuyStatus.QUARANTINED, RESOLVE_INCIDENT, APPROVE_ARRIVAL);
        from(GroupBuyStatus.DISINFECTED, COMPLETE, APPROVE_ARRIVAL);
        from(GroupBuyStatus.COMPLETED, SETTLE);
        from(OrderStatus.JOINED, CANCEL_HOUSEHOLD_ORDER, CLOSE, RECORD_REFUND);
        from(OrderStatus.CONFIRMED, DELIVER, MARK_UNDELIVERABLE, RECORD_REFUND);
        from(OrderStatus.UNDELIVERABLE, RECORD_REFUND);
        from(OrderStatus.CANCELLED, RECORD_REFUND);
        from(CommitmentStatus.PENDING, COUNTERSIGN, REVOKE);
        from(CommitmentStatus.ACTIVE, SUSPEND, REVOKE);
        from(CommitmentStatus.SUSPENDED, REINSTATE, REVOKE);
        from(DisputeStatus.DISPUTED, RULE_DISPUTE);
        from(ArrivalStatus.PENDING, APPROVE_ARRIVAL, REQUEST_ARRIVAL, RESOLVE_INCIDENT);
    }

    private static void from(final Enum<?> state, final Access... steps) {
        STEPS.put(key(state), List.of(steps));
    }

    private static String key(final Enum<?> state) {
        return state.getDeclaringClass().getSimpleName() + "." + state.name();
    }

    /** The transactions that change a record from {@code state}; empty for a final state. */
    public static <S extends Enum<S> & Lifecycle<S>> List<Access> steps(final S state) {
        return STEPS.getOrDefault(key(state), List.of());
    }

    public static StepEndorsement of(final GroupBuy gb) {
        return of(gb.status(), gb);
    }

    public static StepEndorsement of(final HouseholdOrder order) {
        return of(order.status(), null);
    }

    public static StepEndorsement of(final Commitment commitment) {
        return of(commitment.status(), null);
    }

    public static StepEndorsement of(final Dispute dispute) {
        return of(dispute.status(), null);
    }

    public static StepEndorsement of(final ArrivalRequest request) {
        return of(request.status(), null);
    }

    /** The requirement for a record in {@code state}; {@code gb} names the parties when the record is a group buy. */
    static <S extends Enum<S> & Lifecycle<S>> StepEndorsement of(final S state, final GroupBuy gb) {
        final TreeSet<String> required = new TreeSet<>();
        if (state.nextNames().isEmpty()) {
            required.add(org(Role.LEADER, gb));
            required.add(org(Role.COMMITTEE, gb));
        }
        for (final Access step : steps(state)) {
            for (final Role role : actors(step)) {
                final String org = org(role, gb);
                if (org != null) {
                    required.add(org);
                }
            }
        }
        final TreeSet<String> members = new TreeSet<>(required);
        for (final Role role : Role.values()) {
            members.add(role.founder());
        }
        return new StepEndorsement(Collections.unmodifiableSortedSet(members), members.size() / 2 + 1,
                Collections.unmodifiableSortedSet(required));
    }

    /**
     * The roles that take a step. Close is open to every role only after the grace period; the leader and the
     * committee, who may close it at any time, are the ones who must endorse it.
     */
    private static Set<Role> actors(final Access step) {
        return step == CLOSE ? EnumSet.of(Role.LEADER, Role.COMMITTEE) : step.roles();
    }

    /** The MSP ID of the org acting in {@code role}: for a group buy its party's, else the role's own; null if unknown. */
    private static String org(final Role role, final GroupBuy gb) {
        if (gb == null) {
            return role == Role.SUPPLIER || role == Role.COURIER ? null : role.founder();
        }
        return switch (role) {
            case LEADER -> mspOf(gb.leader());
            case SUPPLIER -> mspOf(gb.supplier());
            case COURIER -> gb.courier() == null ? null : mspOf(gb.courier());
            default -> role.founder();
        };
    }

    /** A party is {@code MSPID/commonName}. */
    static String mspOf(final String party) {
        final int slash = party.indexOf('/');
        return slash < 0 ? party : party.substring(0, slash);
    }
}
