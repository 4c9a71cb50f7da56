package org.groupbuy.client.ledger;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;

/**
 * The groupbuy chaincode as every caller reaches it (CLI, import, end-to-end tests, load driver):
 * one {@link Contract} per chaincode contract, each call a fresh proposal; failures decoded into a
 * {@link LedgerFailure}; transient failures retried by the {@link RetryPolicy}.
 */
public class Chaincode {
    /** Transient key that carries household details (docs/interfaces.md). */
    public static final String DETAILS_KEY = "details";
    /** Transient key naming the batch (its first household) whose details are sent together. */
    public static final String BATCH_KEY = "batch";
    private final Map<Transaction.Contract, Contract> contracts = new EnumMap<>(Transaction.Contract.class);
    private final Function<String, Contract> contractNamed;
    private final Function<byte[], Commit> commits;
    private final RetryPolicy retry;

    /**
     * @param contractNamed the Gateway contract of a contract name, e.g. network.getContract(cc, name)
     * @param commits       a commit status request of serialized bytes ({@code gateway::newCommit}): how a
     *                      transaction the orderers already have is followed to its commit ({@link AlreadyOrdered})
     */
    public Chaincode(Function<String, Contract> contractNamed, Function<byte[], Commit> commits, RetryPolicy retry) {
        this.contractNamed = contractNamed;
        this.commits = commits;
        this.retry = retry;
    }

    /** A chaincode whose submit failures are never followed to a commit status (tests of the retry rules). */
    public Chaincode(Function<String, Contract> contractNamed, RetryPolicy retry) {
        this(contractNamed, null, retry);
    }

    public Chaincode(Gateway gateway, Network network, String chaincodeName, RetryPolicy retry) {
        this(name -> network.getContract(chaincodeName, name), gateway::newCommit, retry);
    }

    /** Retries made so far through this chaincode (all callers together). */
    public long retries() {
        return retry.retries();
    }

    /** Retries so far per "PHASE CODE" of the failure retried. */
    public java.util.Map<String, Long> retriesByCode() {
        return retry.retriesByCode();
    }

    /** Evaluates a query or submits a transaction, as the chaincode declares it. */
    public Answer call(Invocation invocation) {
        return invocation.transaction().intent() == Transaction.Intent.EVALUATE ? evaluate(invocation) : submit(invocation);
    }

    public Answer call(Transaction transaction, String... arguments) {
        return call(Invocation.of(transaction, arguments));
    }

    /** Runs a query on the own org's peer (or the endorsing orgs named); nothing is written. */
    public Answer evaluate(Invocation invocation) {
        for (int attempt = 1; ; attempt++) {
            Proposal proposal = proposal(invocation);
            try {
                return Answer.of(invocation.transaction(), proposal.getTransactionId(), proposal.evaluate());
            } catch (Exception e) {
                retry.beforeRetry(attempt, decode(invocation, Phase.EVALUATE, proposal, e));
            }
        }
    }

    /** Collects the endorsements and returns the endorsed result, never submitting it: nothing is written. */
    public Answer endorse(Invocation invocation) {
        for (int attempt = 1; ; attempt++) {
            Proposal proposal = proposal(invocation);
            try {
                org.hyperledger.fabric.client.Transaction endorsed = proposal.endorse();
                return Answer.of(invocation.transaction(), endorsed.getTransactionId(), endorsed.getResult());
            } catch (Exception e) {
                retry.beforeRetry(attempt, decode(invocation, Phase.ENDORSE, proposal, e));
            }
        }
    }

    /** Endorses, orders and waits for the commit of a transaction. */
    public Answer submit(Invocation invocation) {
        return submitAsync(invocation).commit();
    }

    /** Submits a transaction whose transient data only the named orgs may see: only their peers endorse it. */
    public Answer submitPrivate(Invocation invocation, String transientKey, String transientJson,
                                String... endorsingMspIds) {
        return submit(invocation.withTransient(transientKey, transientJson).endorsedBy(endorsingMspIds));
    }

    /**
     * Endorses the transaction and hands it to the orderer, without waiting for its commit: several
     * can then be in flight over the same Gateway connection.
     */
    public Pending submitAsync(Invocation invocation) {
        return new Pending(invocation.transaction(), endorseAndOrder(invocation), () -> endorseAndOrder(invocation), retry);
    }

    /**
     * The commit of an endorsed transaction that was handed to the orderers already (by this client or anyone
     * holding its signed bytes), followed by its transaction id; never sent again.
     */
    public Pending follow(org.hyperledger.fabric.client.Transaction endorsed, Transaction transaction) {
        if (commits == null) {
            throw new IllegalStateException("this Chaincode was built without a way to ask for commit status");
        }
        return new Pending(transaction, AlreadyOrdered.follow(endorsed, commits), () -> {
            throw new IllegalStateException("a followed transaction is never submitted again");
        }, RetryPolicy.none());
    }

    /** {@link #submitPrivate} without waiting for the commit (see {@link #submitAsync}). */
    public Pending submitPrivateAsync(Invocation invocation, String transientKey, String transientJson,
                                      String... endorsingMspIds) {
        return submitAsync(invocation.withTransient(transientKey, transientJson).endorsedBy(endorsingMspIds));
    }

    /** The Gateway proposal of an invocation, for callers that sign or send it themselves. */
    public Proposal proposal(Invocation invocation) {
        Transaction transaction = invocation.transaction();
        Proposal.Builder builder = contracts.computeIfAbsent(transaction.contract(),
                        c -> contractNamed.apply(c.contractName()))
                .newProposal(transaction.transactionName())
                .addArguments(invocation.argumentArray());
        if (!invocation.transientData().isEmpty()) {
            builder.putAllTransient(invocation.transientData());
        }
        if (!invocation.endorsingMspIds().isEmpty()) {
            builder.setEndorsingOrganizations(invocation.endorsingMspIds().toArray(String[]::new));
        }
        return builder.build();
    }

    private SubmittedTransaction endorseAndOrder(Invocation invocation) {
        for (int attempt = 1; ; attempt++) {
            Proposal proposal = proposal(invocation);
            org.hyperledger.fabric.client.Transaction endorsed;
            try {
                endorsed = proposal.endorse();
            } catch (Exception e) {
                retry.beforeRetry(attempt, decode(invocation, Phase.ENDORSE, proposal, e));
                continue;
            }
            try {
                return endorsed.submitAsync();
            } catch (Exception e) {
                if (commits != null && AlreadyOrdered.says(e)) {
                    // never sent again and never a new proposal: the orderers have it; its commit status decides
                    return AlreadyOrdered.follow(endorsed, commits);
                }
                throw decode(invocation, Phase.SUBMIT, proposal, e);
            }
        }
    }

    private static LedgerFailure decode(Invocation invocation, Phase phase, Proposal proposal, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return FailureDecoder.decode(invocation.transaction(), phase, proposal.getTransactionId(), e);
    }

}
