package org.groupbuy.client.ledger;

import org.groupbuy.client.settings.Settings;
import org.hyperledger.fabric.client.Network;

/** An open connection to the network as one identity. */
public interface LedgerSession extends AutoCloseable {
    Settings settings();

    Network network();

    Chaincode chaincode();

    @Override
    void close();
}
