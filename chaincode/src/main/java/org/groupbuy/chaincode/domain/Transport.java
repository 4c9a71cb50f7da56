package org.groupbuy.chaincode.domain;

import java.time.Instant;

/**
 * The transport rules of one group buy, from dispatch to the hand-over point: checkpoints, incidents and quarantine.
 * The state stays in {@link GroupBuy} (one stored record); this class holds the rules of that stretch of its life.
 */
public final class Transport {
    private final GroupBuy gb;

    Transport(final GroupBuy gb) {
        this.gb = gb;
    }

    public void dispatch(final Caller caller, final Dispatch d, final Instant at) {
        gb.require("Dispatch", GroupBuyStatus.PACKED);
        Args.present(d, "dispatchJson").check();
        gb.dispatch = d;
        gb.courier = caller.party();
        gb.dispatchedAt = at.toString();
        gb.move(GroupBuyStatus.IN_TRANSIT, "Dispatch", at);
    }

    public String driverHealthCheckHash() {
        return gb.dispatch.driverHealthCheckHash();
    }

    public void checkpoint(final Caller caller, final String place, final String note) {
        caller.require(caller.party().equals(gb.courier), "Checkpoint", "the courier of " + gb.id);
        gb.require("Checkpoint", GroupBuyStatus.IN_TRANSIT);
        Args.text(place, "place", 100);
        ErrorCode.INVALID_ARGUMENT.check(note == null || note.length() <= 300, "note must be at most 300 characters");
        if (note != null && !note.isBlank()) {
            Args.publicText(note, "note", 300);
        }
    }

    /** Records an incident; a positive test quarantines goods that are packed, on the way or arrived. */
    public Incident reportIncident(final Caller caller, final String typeArg, final String evidenceHash,
            final String txId, final Instant at) {
        caller.require(caller.party().equals(gb.supplier) || caller.party().equals(gb.courier)
                || caller.actsFor(gb.community, Role.COMMITTEE), "ReportIncident",
                "the supplier or courier of " + gb.id + " or the committee of " + gb.community);
        final Incident.Type type = Args.oneOf(typeArg, Incident.Type.class, "type");
        final Incident incident = Incident.of(gb, type, evidenceHash, caller, txId, at);
        if (type == Incident.Type.POSITIVE_TEST) {
            gb.require("ReportIncident POSITIVE_TEST", GroupBuyStatus.PACKED, GroupBuyStatus.IN_TRANSIT,
                    GroupBuyStatus.ARRIVED);
            gb.quarantinedFrom = gb.status;
            gb.move(GroupBuyStatus.QUARANTINED, "ReportIncident", at);
        } else {
            gb.require("ReportIncident", GroupBuyStatus.ACCEPTED, GroupBuyStatus.PACKED, GroupBuyStatus.IN_TRANSIT,
                    GroupBuyStatus.ARRIVED, GroupBuyStatus.QUARANTINED, GroupBuyStatus.DISINFECTED);
        }
        return incident;
    }

    /** RELEASE returns the goods to where they were quarantined; DESTROY fails the group buy. */
    public void resolveIncident(final Caller caller, final String resolution, final Instant at) {
        caller.requireIn(gb.community, "ResolveIncident", Role.COMMITTEE);
        ErrorCode.INVALID_ARGUMENT.check("RELEASE".equals(resolution) || "DESTROY".equals(resolution),
                "resolution must be RELEASE or DESTROY");
        gb.require("ResolveIncident", GroupBuyStatus.QUARANTINED);
        if ("RELEASE".equals(resolution)) {
            gb.move(gb.quarantinedFrom, "ResolveIncident RELEASE", at);
        } else {
            gb.failureCause = "DESTROYED";
            gb.move(GroupBuyStatus.FAILED, "ResolveIncident DESTROY", at);
        }
        gb.quarantinedFrom = null;
    }
}
