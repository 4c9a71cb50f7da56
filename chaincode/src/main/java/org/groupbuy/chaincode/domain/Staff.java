package org.groupbuy.chaincode.domain;

/** A staff member on duty, by pseudonymous reference, with a temperature-check hash. */
public final class Staff {
    private String staffRef;
    private String temperatureCheckHash;

    /** Checks the entry; returns its temperature-check hash, which the arrival cites as evidence. */
    String check() {
        Args.id(staffRef, "staffRef");
        return Args.hash(temperatureCheckHash, "temperatureCheckHash");
    }
}
