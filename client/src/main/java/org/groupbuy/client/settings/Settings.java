package org.groupbuy.client.settings;

import java.nio.file.Path;

/** Everything needed to reach the network as one user of one org. */
public record Settings(
        OrgKey org,
        String mspId,
        String user,
        String peerEndpoint,
        String peerHostAlias,
        Path tlsRootCert,
        Path usersDir,
        String channel,
        String chaincode,
        Deadlines deadlines) {

    public Path userDir() {
        return usersDir.resolve(user);
    }

    public Path certificate() {
        return userDir().resolve("msp/signcerts/cert.pem");
    }

    public Path privateKey() {
        return userDir().resolve("msp/keystore/key.pem");
    }
}
