package org.groupbuy.chaincode.domain;

import java.util.Arrays;
import java.util.Locale;
import org.hyperledger.fabric.contract.ClientIdentity;

/** Who is calling, derived only from the certificate: MSP ID, attributes {@code role} and {@code community}, CN. */
public final class Caller {
    private final String mspId;
    private final Role role;
    private final String community;
    private final String party;

    Caller(final String mspId, final Role role, final String community, final String commonName) {
        this.mspId = mspId;
        this.role = role;
        this.community = community;
        this.party = mspId + "/" + commonName;
    }

    /** Derives the caller; refuses identities without a role, with a role of another MSP, or without a community. */
    public static Caller of(final ClientIdentity identity) {
        final String msp = identity.getMSPID();
        final String roleAttr = identity.getAttributeValue("role");
        if (roleAttr == null || roleAttr.isBlank()) {
            throw ErrorCode.FORBIDDEN.error("identity of %s has no 'role' attribute; enrol a user with role=%s",
                    msp, Arrays.toString(Role.values()).toLowerCase(Locale.ROOT));
        }
        final Role role = Arrays.stream(Role.values()).filter(r -> r.attribute().equals(roleAttr)).findFirst()
                .orElseThrow(() -> ErrorCode.FORBIDDEN.error("unknown role '%s'", roleAttr));
        ErrorCode.FORBIDDEN.check(role.issuedBy(msp),
                "role %s belongs to %s, not %s; use an identity issued by %s", roleAttr, role.mspNames(), msp,
                role.mspNames());
        final String community = identity.getAttributeValue("community");
        ErrorCode.FORBIDDEN.check(!role.hasCommunity() || community != null && !community.isBlank(),
                "a %s identity needs a 'community' attribute; re-enrol it with community=<id>", roleAttr);
        return new Caller(msp, role, role.hasCommunity() ? community : null, commonName(identity.getId()));
    }

    /** CN of the subject in Fabric's id form {@code x509::CN=leader1,OU=client::CN=ca...}. */
    static String commonName(final String clientId) {
        final String subject = clientId.startsWith("x509::") ? clientId.substring(6).split("::", 2)[0] : clientId;
        for (final String part : subject.split("(?<!\\\\),")) {
            final String p = part.trim();
            if (p.startsWith("CN=")) {
                return p.substring(3);
            }
        }
        throw ErrorCode.FORBIDDEN.error("certificate subject has no common name (CN)");
    }

    public String mspId() {
        return mspId;
    }

    public Role role() {
        return role;
    }

    public String community() {
        return community;
    }

    public String party() {
        return party;
    }

    public boolean is(final Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Caller holds one of the roles and, for community roles, belongs to that community. */
    public boolean actsFor(final String communityId, final Role... roles) {
        return is(roles) && (!role.hasCommunity() || community.equals(communityId));
    }

    public void require(final boolean allowed, final String action, final String who) {
        ErrorCode.FORBIDDEN.check(allowed, "%s is for %s; you are %s (%s%s)", action, who, party, role.attribute(),
                community == null ? "" : " of " + community);
    }

    /** Refuses unless the caller holds one of the roles in that community (community roles only count there). */
    public void requireIn(final String communityId, final String action, final Role... roles) {
        require(actsFor(communityId, roles), action,
                Arrays.toString(roles).toLowerCase(Locale.ROOT) + " of community " + communityId);
    }
}
