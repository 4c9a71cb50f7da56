package org.groupbuy.client.backoffice;

/** A household's private details as its leader (or committee) reads them; never logged or cached. */
public record HouseholdContact(String name, String phone, String address) {
}
