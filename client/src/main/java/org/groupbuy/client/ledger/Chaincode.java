package org.groupbuy.client.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;

/** The groupbuy chaincode as the client calls it: queries, submits, and private submits. */
public class Chaincode {
    /** Transient key that carries household details (docs/interfaces.md). */
    public static final String DETAILS_KEY = "details";
    private final Contract contract;

    public Chaincode(Contract contract) {
        this.contract = contract;
    }

    /** Runs a query on the own org's peer; nothing is written. */
    public Answer evaluate(Invocation invocation) throws EvaluateFailure {
        Proposal proposal = contract.newProposal(invocation.transaction())
                .addArguments(invocation.argumentArray())
                .build();
        try {
            return Answer.of(proposal.getTransactionId(), proposal.evaluate());
        } catch (GatewayException e) {
            throw new EvaluateFailure(proposal.getTransactionId(), e);
        }
    }

    /** Endorses, orders and waits for the commit of a transaction. */
    public Answer submit(Invocation invocation) throws GatewayException, CommitException {
        Proposal proposal = contract.newProposal(invocation.transaction())
                .addArguments(invocation.argumentArray())
                .build();
        return commit(proposal.endorse());
    }

    /**
     * Submits a transaction whose transient data only the named orgs may see: only their peers
     * are asked to endorse it.
     */
    public Answer submitPrivate(Invocation invocation, String transientKey, String transientJson,
                                String... endorsingMspIds) throws GatewayException, CommitException {
        return commit(privateProposal(invocation, transientKey, transientJson, endorsingMspIds).endorse());
    }

    /**
     * Endorses the transaction and hands it to the orderer, without waiting for its commit: several
     * can then be in flight over the same Gateway connection.
     */
    public Pending submitAsync(Invocation invocation) throws GatewayException {
        Proposal proposal = contract.newProposal(invocation.transaction())
                .addArguments(invocation.argumentArray())
                .build();
        return new Pending(proposal.endorse().submitAsync());
    }

    /** {@link #submitPrivate} without waiting for the commit (see {@link #submitAsync}). */
    public Pending submitPrivateAsync(Invocation invocation, String transientKey, String transientJson,
                                      String... endorsingMspIds) throws GatewayException {
        return new Pending(privateProposal(invocation, transientKey, transientJson, endorsingMspIds)
                .endorse().submitAsync());
    }

    private Proposal privateProposal(Invocation invocation, String transientKey, String transientJson,
                                     String... endorsingMspIds) {
        return contract.newProposal(invocation.transaction())
                .addArguments(invocation.argumentArray())
                .putAllTransient(Map.of(transientKey, transientJson.getBytes(StandardCharsets.UTF_8)))
                .setEndorsingOrganizations(endorsingMspIds)
                .build();
    }

    private static Answer commit(Transaction transaction) throws GatewayException, CommitException {
        byte[] result = transaction.submit();
        return Answer.of(transaction.getTransactionId(), result);
    }
}
