package org.groupbuy.client.commands;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.groupbuy.client.GroupBuyCli;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.RetryPolicy;
import org.groupbuy.client.settings.Deadlines;
import org.groupbuy.client.settings.OrgKey;
import org.groupbuy.client.settings.Settings;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import picocli.CommandLine;

/** A mocked Contract behind the real command line: one Proposal.Builder mock per transaction name. */
final class LedgerDouble {
    final Map<String, Contract> contracts = new HashMap<>();
    final Map<org.groupbuy.client.ledger.Transaction, Proposal.Builder> builders = new HashMap<>();
    final Map<org.groupbuy.client.ledger.Transaction, String> answers = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** The Gateway contract named {@code name}, whose proposals are the builders of its transactions. */
    Contract contract(String name) {
        return contracts.computeIfAbsent(name, n -> {
            Contract contract = mock(Contract.class);
            when(contract.newProposal(anyString())).thenAnswer(call ->
                    builder(org.groupbuy.client.ledger.Transaction.named(n + ":" + call.getArgument(0))));
            return contract;
        });
    }

    Proposal.Builder builder(org.groupbuy.client.ledger.Transaction transaction) {
        return builders.computeIfAbsent(transaction, this::newBuilder);
    }

    private Proposal.Builder newBuilder(org.groupbuy.client.ledger.Transaction transaction) {
        try {
            Proposal.Builder builder = mock(Proposal.Builder.class, RETURNS_SELF);
            Proposal proposal = mock(Proposal.class);
            Transaction endorsed = mock(Transaction.class);
            when(builder.build()).thenReturn(proposal);
            when(proposal.getTransactionId()).thenReturn("tx-" + transaction.qualifiedName());
            when(proposal.evaluate()).thenAnswer(call -> answer(transaction));
            when(proposal.endorse()).thenReturn(endorsed);
            when(endorsed.getTransactionId()).thenReturn("tx-" + transaction.qualifiedName());
            when(endorsed.submit()).thenAnswer(call -> answer(transaction));
            SubmittedTransaction submitted = mock(SubmittedTransaction.class);
            Status committed = mock(Status.class);
            when(endorsed.submitAsync()).thenReturn(submitted);
            when(submitted.getTransactionId()).thenReturn("tx-" + transaction.qualifiedName());
            when(submitted.getStatus()).thenReturn(committed);
            when(submitted.getResult()).thenAnswer(call -> answer(transaction));
            when(committed.isSuccessful()).thenReturn(true);
            return builder;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] answer(org.groupbuy.client.ledger.Transaction transaction) {
        return answers.getOrDefault(transaction, "{}").getBytes(StandardCharsets.UTF_8);
    }

    int run(String... args) {
        Settings settings = new Settings(OrgKey.LEADER, "LeaderMSP", "leader1", "127.0.0.1:7051", null,
                Path.of("/tls.pem"), Path.of("/users"), "community", "groupbuy", Deadlines.DEFAULT);
        LedgerSession session = mock(LedgerSession.class);
        when(session.chaincode()).thenReturn(new Chaincode(this::contract, new RetryPolicy(3, 0, millis -> { })));
        when(session.network()).thenReturn(mock(Network.class));
        when(session.settings()).thenReturn(settings);
        Map<String, String> env = Map.of("GROUPBUY_ORG", "leader", "GROUPBUY_PEER_ENDPOINT", "127.0.0.1:7051",
                "GROUPBUY_TLS_ROOT_CERT", "/tls.pem", "GROUPBUY_USERS_DIR", "/users", "GROUPBUY_NETWORK", "/none.json");
        CommandLine commandLine = GroupBuyCli.commandLine(ignored -> session, env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
