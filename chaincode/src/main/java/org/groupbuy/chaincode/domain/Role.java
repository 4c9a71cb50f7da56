package org.groupbuy.chaincode.domain;

/** Roles as issued by each org's CA in the attribute {@code role}; each belongs to one MSP. */
public enum Role {
    LEADER("LeaderMSP"),
    SUPPLIER("SupplierMSP"),
    COURIER("CourierMSP"),
    COMMITTEE("CommitteeMSP"),
    VOLUNTEER("CommitteeMSP"),
    REGULATOR("RegulatorMSP");

    private final String mspId;

    Role(final String mspId) {
        this.mspId = mspId;
    }

    public String mspId() {
        return mspId;
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
