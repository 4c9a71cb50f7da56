package org.groupbuy.client.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The organisations a user can act for, with their fixed MSP IDs (docs/interfaces.md). */
public enum OrgKey {
    LEADER("LeaderMSP"),
    SUPPLIER("SupplierMSP"),
    COURIER("CourierMSP"),
    COMMITTEE("CommitteeMSP"),
    REGULATOR("RegulatorMSP"),
    /** A second supplier company, a channel member once the others admit it (scripts/channel.sh add-org). */
    FRESHFARM("FreshFarmMSP");

    private final String mspId;

    OrgKey(String mspId) {
        this.mspId = mspId;
    }

    public String mspId() {
        return mspId;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrgKey parse(String text) {
        for (OrgKey org : values()) {
            if (org.key().equalsIgnoreCase(text.trim())) {
                return org;
            }
        }
        throw new IllegalArgumentException("unknown org '" + text + "'; choose one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(OrgKey::key).collect(Collectors.joining("|"));
    }
}
