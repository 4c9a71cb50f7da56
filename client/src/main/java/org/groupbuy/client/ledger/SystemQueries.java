package org.groupbuy.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * The channel as one peer's query system chaincode (qscc) tells it: its height and raw blocks.
 * Asked of one org's peer alone (its admin may ask any block); failures are {@link LedgerFailure}s.
 */
public final class SystemQueries {
    private static final String QSCC = "qscc";
    private final LedgerSession session;
    private final String peerMspId;

    public SystemQueries(LedgerSession session, String peerMspId) {
        this.session = session;
        this.peerMspId = peerMspId;
    }

    /** The number of blocks the peer has committed. */
    public long height() {
        byte[] info = query("GetChainInfo", session.settings().channel());
        try {
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("qscc GetChainInfo answered something that is not a BlockchainInfo", e);
        }
    }

    /** Block {@code number} as the peer stored it (a serialized common.Block). */
    public byte[] block(long number) {
        return query("GetBlockByNumber", session.settings().channel(), Long.toString(number));
    }

    /** The transaction {@code txId} as the peer committed it (a serialized peer.ProcessedTransaction). */
    public byte[] transaction(String txId) {
        return query("GetTransactionByID", session.settings().channel(), txId);
    }

    private byte[] query(String function, String... args) {
        Proposal proposal = session.network().getContract(QSCC).newProposal(function).addArguments(args)
                .setEndorsingOrganizations(peerMspId).build();
        try {
            return proposal.evaluate();
        } catch (GatewayException e) {
            throw FailureDecoder.decode(null, Phase.EVALUATE, proposal.getTransactionId(), e);
        }
    }
}
