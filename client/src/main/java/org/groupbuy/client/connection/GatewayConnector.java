package org.groupbuy.client.connection;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.Connector;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.RetryPolicy;
import org.groupbuy.client.settings.Settings;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The one way to the network, for the CLI, the end-to-end tests and the load drivers: dials the
 * org's peer over TLS and opens a Fabric Gateway connection as the chosen user, or as any
 * certificate and key given (e.g. one from a CA outside the consortium), with a retry policy.
 */
public final class GatewayConnector implements Connector {
    private final RetryPolicy retry;

    /** Retries transient failures with {@link RetryPolicy#standard()}. */
    public GatewayConnector() {
        this(RetryPolicy.standard());
    }

    public GatewayConnector(RetryPolicy retry) {
        this.retry = retry;
    }

    /** As {@code settings.user()} of {@code settings.org()}, from the org's users folder. */
    @Override
    public LedgerSession connect(Settings settings) {
        return connect(settings, identity(settings), signer(settings));
    }

    /** As whoever holds {@code certificate} and {@code key}, claiming {@code mspId}, through settings' peer. */
    public LedgerSession connect(Settings settings, String mspId, X509Certificate certificate, PrivateKey key) {
        return connect(settings, new X509Identity(mspId, certificate), Signers.newPrivateKeySigner(key));
    }

    /** {@code settings.user()}'s identity (MSP id and certificate), as sessions and hand-built proposals carry it. */
    public static X509Identity identity(Settings settings) {
        return new X509Identity(settings.mspId(), new IdentityFiles(settings).certificate());
    }

    /** {@code settings.user()}'s signer, as sessions and hand-built proposals sign with it. */
    public static Signer signer(Settings settings) {
        return Signers.newPrivateKeySigner(new IdentityFiles(settings).privateKey());
    }

    private LedgerSession connect(Settings settings, X509Identity x509, Signer signer) {
        ManagedChannel channel = channel(settings);
        Gateway gateway = Gateway.newInstance()
                .identity(x509)
                .signer(signer)
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(settings.deadlines().evaluate()))
                .endorseOptions(deadline(settings.deadlines().endorse()))
                .submitOptions(deadline(settings.deadlines().submit()))
                .commitStatusOptions(deadline(settings.deadlines().commitStatus()))
                .connect();
        Network network = gateway.getNetwork(settings.channel());
        return new Session(settings, channel, gateway, network, new Chaincode(gateway, network, settings.chaincode(), retry));
    }

    /** The TLS channel to settings' peer, for callers that talk to it without a Gateway (hand-built proposals). */
    public static ManagedChannel channel(Settings settings) {
        if (!Files.isRegularFile(settings.tlsRootCert())) {
            throw CliFailure.connection("NO_TLS_ROOT", "TLS root certificate " + settings.tlsRootCert()
                    + " is missing: is the network up? scripts/network.sh status");
        }
        try {
            ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                    .trustManager(settings.tlsRootCert().toFile())
                    .build();
            var builder = Grpc.newChannelBuilder(settings.peerEndpoint(), credentials);
            if (settings.peerHostAlias() != null) {
                builder.overrideAuthority(settings.peerHostAlias());
            }
            return builder.build();
        } catch (IOException e) {
            throw CliFailure.connection("BAD_TLS_ROOT", "cannot read " + settings.tlsRootCert() + ": " + e.getMessage());
        }
    }

    private static CallOption deadline(Duration duration) {
        return CallOption.deadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Session(Settings settings, ManagedChannel channel, Gateway gateway, Network network,
                           Chaincode chaincode) implements LedgerSession {
        @Override
        public void close() {
            gateway.close();
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
