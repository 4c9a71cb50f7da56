package org.groupbuy.client.settings;

import picocli.CommandLine.Option;

/** Connection options shared by every command that talks to the network; each has an env twin. */
public final class ConnectionFlags {
    @Option(names = "--network", paramLabel = "FILE",
            description = "network description (default: var/network.json under the repo; env GROUPBUY_NETWORK)")
    public String network;

    @Option(names = "--org", paramLabel = "ORG",
            description = "org to act for: leader|supplier|courier|committee|regulator (env GROUPBUY_ORG)")
    public String org;

    @Option(names = "--user", paramLabel = "USER",
            description = "enrolled user of that org, e.g. leader1 (env GROUPBUY_USER; default <org>1)")
    public String user;

    @Option(names = "--peer-endpoint", paramLabel = "HOST:PORT",
            description = "peer gateway endpoint (env GROUPBUY_PEER_ENDPOINT)")
    public String peerEndpoint;

    @Option(names = "--tls-root-cert", paramLabel = "FILE",
            description = "TLS root certificate of the peer (env GROUPBUY_TLS_ROOT_CERT)")
    public String tlsRootCert;

    @Option(names = "--peer-host-alias", paramLabel = "NAME",
            description = "TLS host name of the peer (env GROUPBUY_PEER_HOST_ALIAS)")
    public String peerHostAlias;

    @Option(names = "--users-dir", paramLabel = "DIR",
            description = "folder of the org's enrolled users (env GROUPBUY_USERS_DIR)")
    public String usersDir;

    @Option(names = "--channel", paramLabel = "NAME", description = "channel (env GROUPBUY_CHANNEL; default community)")
    public String channel;

    @Option(names = "--chaincode", paramLabel = "NAME", description = "chaincode (env GROUPBUY_CHAINCODE; default groupbuy)")
    public String chaincode;
}
