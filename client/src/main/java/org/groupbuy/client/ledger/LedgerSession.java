package org.groupbuy.client.ledger;

import org.groupbuy.client.settings.Settings;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;

/** An open connection to the network as one identity. */
public interface LedgerSession extends AutoCloseable {
    Settings settings();

    Network network();

    Chaincode chaincode();

    /** The Gateway itself, e.g. to send an already signed envelope or a hand-built proposal. */
    Gateway gateway();

    @Override
    void close();
}
