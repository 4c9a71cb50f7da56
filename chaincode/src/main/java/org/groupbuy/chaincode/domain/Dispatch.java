package org.groupbuy.chaincode.domain;

/** The courier's dispatch record. */
public final class Dispatch {
    private String passNumber;
    private String vehicle;
    private String driverHealthCheckHash;

    void check() {
        Args.text(passNumber, "passNumber", 64);
        Args.text(vehicle, "vehicle", 32);
        Args.hash(driverHealthCheckHash, "driverHealthCheckHash");
    }

    String driverHealthCheckHash() {
        return driverHealthCheckHash;
    }
}
