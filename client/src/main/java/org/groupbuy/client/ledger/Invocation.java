package org.groupbuy.client.ledger;

import java.util.List;

/** One chaincode transaction with its arguments, e.g. GroupBuy:Close("GB-7"). */
public record Invocation(String transaction, List<String> arguments) {

    public Invocation {
        arguments = List.copyOf(arguments);
    }

    public static Invocation of(String transaction, String... arguments) {
        return new Invocation(transaction, List.of(arguments));
    }

    String[] argumentArray() {
        return arguments.toArray(String[]::new);
    }
}
