package org.groupbuy.chaincode.domain;

/** A household's personal details: only ever in the private collection {@code householdDetails}. */
public final class HouseholdDetails {
    private String name;
    private String phone;
    private String address;

    public void validate(final String household) {
        Args.id(household, "household");
        Args.text(name, "name of " + household, 100);
        Args.text(phone, "phone of " + household, 40);
        Args.text(address, "address of " + household, 200);
    }
}
