package org.groupbuy.chaincode.domain;

import java.util.List;

/**
 * Roles as issued by each org's CA in the attribute {@code role}, with the MSPs whose CAs may issue them.
 *
 * <p>Every role belongs to one MSP except {@code supplier}: the committees approve supplier companies, and each
 * approved company is an org of its own ({@code SupplierMSP}, and {@code FreshFarmMSP} since it joined the
 * channel). A new supplier company means a new chaincode version with its MSP added here; a supplier org removed
 * from the channel can no longer endorse or submit, whatever this list says.
 */
public enum Role {
    LEADER("LeaderMSP"),
    SUPPLIER("SupplierMSP", "FreshFarmMSP"),
    COURIER("CourierMSP"),
    COMMITTEE("CommitteeMSP"),
    VOLUNTEER("CommitteeMSP"),
    REGULATOR("RegulatorMSP");

    private final List<String> mspIds;

    Role(final String... mspIds) {
        this.mspIds = List.of(mspIds);
    }

    /** The MSPs whose identities may hold this role, the first being the role's original org. */
    public List<String> mspIds() {
        return mspIds;
    }

    /**
     * The role's original org, one of the five that founded the channel: the org whose peer stands for the role
     * where a record names no party of it (state-based endorsement, {@link StepEndorsement}).
     */
    public String founder() {
        return mspIds.get(0);
    }

    /** Whether an identity of {@code mspId} may hold this role. */
    public boolean issuedBy(final String mspId) {
        return mspIds.contains(mspId);
    }

    /** Whether {@code party} ({@code MSPID/commonName}) is an identity of an MSP that may hold this role. */
    public boolean isParty(final String party) {
        final int slash = party.indexOf('/');
        return slash > 0 && issuedBy(party.substring(0, slash));
    }

    /** The MSPs for a message, e.g. {@code SupplierMSP or FreshFarmMSP}. */
    public String mspNames() {
        return String.join(" or ", mspIds);
    }

    /** The attribute value, e.g. {@code leader}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Leaders, committee officers and volunteers carry a community attribute. */
    public boolean hasCommunity() {
        return this == LEADER || this == COMMITTEE || this == VOLUNTEER;
    }
}
