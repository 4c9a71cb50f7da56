package org.groupbuy.chaincode.domain;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** A responsibility commitment of one party in one community, countersigned by that community's committee. */
public final class Commitment {
    private static final String KIND = "commitment";

    private String id;
    private String community;
    private List<String> obligations;
    private String statementHash;
    private List<Credential> credentials;
    private String validFrom;
    private String validUntil;
    @Computed private String party;
    @Computed private Role role;
    @Computed private CommitmentStatus status;
    @Computed private String signedAt;
    @Computed private String countersignedBy;
    @Computed private String reason;
    @Computed private String updatedBy;
    @Computed private String updatedAt;

    /** A hashed credential (licence, permit, pass, test result) with its expiry. */
    public static final class Credential {
        private String type;
        private String hash;
        private String expires;
    }

    /** Credential kinds the committees accept. */
    public enum CredentialType { BUSINESS_LICENCE, HYGIENE_PERMIT, TRANSPORT_PASS, TEST_RESULT, HEALTH_CERTIFICATE }

    /** The obligations a role must sign, all of them. */
    public static List<String> obligationsOf(final Role role) {
        return switch (role) {
            case LEADER -> List.of("DISINFECTION", "DISTRIBUTION", "OFFLINE_RESIDENT_CARE", "SOURCE_SAFETY",
                    "TRANSSHIPMENT", "WAREHOUSING");
            case SUPPLIER -> List.of("INSPECTION", "QUALITY", "STATED_PRICES");
            case COURIER -> List.of("COLD_CHAIN", "HEALTH_CHECKS", "TRANSPORT_PASS");
            default -> List.of();
        };
    }

    /**
     * Signs: the caller (a leader, supplier or courier, as {@link Access#SIGN} lets only them in) becomes the party;
     * PENDING until countersigned.
     */
    public void sign(final Caller caller, final Instant at) {
        Args.id(id, "commitment id");
        Args.id(community, "community");
        ErrorCode.FORBIDDEN.check(!caller.role().hasCommunity() || caller.community().equals(community),
                "a leader of %s cannot sign for community %s", caller.community(), community);
        final List<String> required = obligationsOf(caller.role());
        ErrorCode.INVALID_ARGUMENT.check(obligations != null && new TreeSet<>(obligations).equals(new TreeSet<>(required))
                && obligations.size() == required.size(), "a %s commitment lists exactly the obligations %s",
                caller.role().attribute(), required);
        obligations = required;
        Args.hash(statementHash, "statementHash");
        ErrorCode.INVALID_ARGUMENT.check(credentials != null && !credentials.isEmpty() && credentials.size() <= 20,
                "credentials: list 1-20");
        final Instant from = Args.instant(validFrom, "validFrom");
        final Instant until = Args.instant(validUntil, "validUntil");
        ErrorCode.INVALID_ARGUMENT.check(from.isBefore(until), "validFrom must be before validUntil");
        for (final Credential c : credentials) {
            Args.oneOf(c.type, CredentialType.class, "credential type");
            Args.hash(c.hash, "credential hash");
            Args.instant(c.expires, "credential expires");
        }
        party = caller.party();
        role = caller.role();
        status = CommitmentStatus.PENDING;
        signedAt = at.toString();
        requireUnexpired(at);
    }

    /** The end of validity: the validity period or the first credential to expire. */
    public Instant expiresAt() {
        Instant end = Instant.parse(validUntil);
        for (final Credential c : credentials) {
            final Instant e = Instant.parse(c.expires);
            end = e.isBefore(end) ? e : end;
        }
        return end;
    }

    private void requireUnexpired(final Instant at) {
        if (!at.isBefore(expiresAt())) {
            throw ErrorCode.EXPIRED.error("commitment %s of %s expired at %s (validity or a credential); "
                    + "sign a new commitment with current credentials", id, party, expiresAt());
        }
    }

    public boolean activeAt(final Instant at) {
        return status == CommitmentStatus.ACTIVE && !at.isBefore(Instant.parse(validFrom)) && at.isBefore(expiresAt());
    }

    private void move(final Caller caller, final CommitmentStatus target, final String action, final Instant at) {
        if (target == CommitmentStatus.ACTIVE) {
            // both Countersign (from PENDING) and Reinstate (from SUSPENDED) lead to ACTIVE: each from its own state
            status.requireIn(KIND, id, action, List.of("Countersign".equals(action) ? CommitmentStatus.PENDING
                    : CommitmentStatus.SUSPENDED));
        }
        status.guard(KIND, id, target, action);
        status = target;
        updatedBy = caller.party();
        updatedAt = at.toString();
    }

    public void countersign(final Caller caller, final Instant at) {
        caller.requireIn(community, "Countersign", Role.COMMITTEE);
        requireUnexpired(at);
        move(caller, CommitmentStatus.ACTIVE, "Countersign", at);
        countersignedBy = caller.party();
    }

    public void suspend(final Caller caller, final String why, final Instant at) {
        caller.require(caller.actsFor(community, Role.COMMITTEE, Role.REGULATOR), "Suspend",
                "the committee of " + community + " or a regulator");
        reason = Args.text(why, "reason", 500);
        move(caller, CommitmentStatus.SUSPENDED, "Suspend", at);
    }

    public void reinstate(final Caller caller, final Instant at) {
        caller.requireIn(community, "Reinstate", Role.COMMITTEE);
        requireUnexpired(at);
        move(caller, CommitmentStatus.ACTIVE, "Reinstate", at);
        reason = null;
    }

    public void revoke(final Caller caller, final String why, final Instant at) {
        caller.requireIn(community, "Revoke", Role.COMMITTEE);
        reason = Args.text(why, "reason", 500);
        move(caller, CommitmentStatus.REVOKED, "Revoke", at);
    }

    /** The gate: the party may act in the community only with an ACTIVE, unexpired commitment there. */
    public static void requireActive(final List<Commitment> held, final String party, final String community,
            final Instant at) {
        Commitment expired = null;
        for (final Commitment c : held) {
            if (c.activeAt(at)) {
                return;
            }
            if (c.status == CommitmentStatus.ACTIVE && !at.isBefore(c.expiresAt())) {
                expired = c;
            }
        }
        if (expired != null) {
            expired.requireUnexpired(at);
        }
        throw ErrorCode.FORBIDDEN.error("%s has no ACTIVE commitment in community %s; Sign one and have the "
                + "committee of %s countersign it", party, community, community);
    }

    public String id() {
        return id;
    }

    public String community() {
        return community;
    }

    public String party() {
        return party;
    }

    public CommitmentStatus status() {
        return status;
    }

    public List<String> evidence() {
        final List<String> hashes = new java.util.ArrayList<>(List.of(statementHash));
        credentials.forEach(c -> hashes.add(c.hash));
        return hashes;
    }
}
