package org.groupbuy.client.ledger;

import org.groupbuy.client.settings.Settings;

/** Opens a session; the real one dials the peer, tests hand in mocks. */
@FunctionalInterface
public interface Connector {
    LedgerSession connect(Settings settings);
}
