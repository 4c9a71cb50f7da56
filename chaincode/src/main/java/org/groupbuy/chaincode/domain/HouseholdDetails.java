package org.groupbuy.chaincode.domain;

import java.util.regex.Pattern;

/**
 * A household's personal details: only ever in the private collection {@code householdDetails}. Every block carries
 * the hash of the stored value, so the value carries a random {@code salt} drawn by the client (at least 128 bits):
 * without it, whoever guesses a name, a phone and an address could confirm them against that hash.
 */
public final class HouseholdDetails {
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32,64}");

    private String name;
    private String phone;
    private String address;
    private String salt;

    public void validate(final String household) {
        Args.id(household, "household");
        Args.text(name, "name of " + household, 100);
        Args.text(phone, "phone of " + household, 40);
        Args.text(address, "address of " + household, 200);
        ErrorCode.INVALID_ARGUMENT.check(salt != null && SALT.matcher(salt).matches(), "salt of %s must be 32-64 "
                + "lowercase hex characters (16 or more random bytes the client draws), so the hash of the stored "
                + "details on the ledger reveals nothing", household);
    }
}
