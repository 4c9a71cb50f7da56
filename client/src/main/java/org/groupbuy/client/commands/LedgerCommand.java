package org.groupbuy.client.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.groupbuy.client.GroupBuyCli;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that connects to the network as one identity, does its work, and disconnects. */
public abstract class LedgerCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConnectionFlags connection;

    @Option(names = "--json", description = "print the chaincode's JSON answer instead of a table, for scripts")
    protected boolean json;

    @Override
    public final Integer call() {
        Settings settings = root().settings(connection);
        try (LedgerSession session = root().connector().connect(settings)) {
            run(session);
        } catch (Exception e) {
            throw new ErrorReport(settings.peerEndpoint()).describe(e);
        }
        out().flush();
        return ExitCode.OK;
    }

    protected abstract void run(LedgerSession session) throws Exception;

    protected GroupBuyCli root() {
        return (GroupBuyCli) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
