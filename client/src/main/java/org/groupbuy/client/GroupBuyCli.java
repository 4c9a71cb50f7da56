package org.groupbuy.client;

import java.util.Map;
import java.util.concurrent.Callable;
import org.groupbuy.client.commands.ConsoleCommand;
import org.groupbuy.client.commands.IdentityCommand;
import org.groupbuy.client.commands.WatchCommand;
import org.groupbuy.client.commands.audit.ListCommand;
import org.groupbuy.client.commands.audit.ShowCommand;
import org.groupbuy.client.commands.audit.TraceCommand;
import org.groupbuy.client.commands.commitment.CommitmentCommands;
import org.groupbuy.client.commands.committee.CommitteeCommands;
import org.groupbuy.client.commands.community.CommunityCommands;
import org.groupbuy.client.commands.courier.CourierCommands;
import org.groupbuy.client.commands.leader.LeaderCommands;
import org.groupbuy.client.commands.regulator.RegulatorCommands;
import org.groupbuy.client.commands.supplier.SupplierCommands;
import org.groupbuy.client.commands.volunteer.VolunteerCommands;
import org.groupbuy.client.connection.GatewayConnector;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.ledger.Connector;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.Settings;
import org.groupbuy.client.settings.SettingsResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "groupbuy", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        version = "groupbuy 1.0.0 (GroupBuy Ledger client, Fabric Gateway 1.8)",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Community group purchase on Hyperledger Fabric: every order, hand-over and payment recorded, "
                + "signed by the party that did it, and traceable from supplier to door.",
                "Pick who you are with --org and --user (or GROUPBUY_ORG / GROUPBUY_USER); the connection comes from "
                        + "var/network.json (GROUPBUY_NETWORK)."},
        subcommands = {CommitmentCommands.class, CommunityCommands.class, LeaderCommands.class, SupplierCommands.class,
                CourierCommands.class, CommitteeCommands.class, VolunteerCommands.class, RegulatorCommands.class,
                ShowCommand.class, ListCommand.class, TraceCommand.class, WatchCommand.class, IdentityCommand.class,
                ConsoleCommand.class},
        footer = {"%nExamples:",
                "  groupbuy identity --org leader --user leader1",
                "  groupbuy leader open @gb-7.json --org leader",
                "  groupbuy leader import --group-buy GB-7 orders.csv --codes-out codes.csv --org leader",
                "  groupbuy trace GB-7 --org regulator",
                "  groupbuy watch --checkpoint var/watch.json --json --org committee",
                "%nExit codes: 0 ok, 1 refused by the chaincode, 2 usage, 3 connection or identity, 4 not committed.",
                "Errors: error: [CODE] message (transaction <txid>). See docs/cli.md."})
public final class GroupBuyCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Connector connector;
    private final Map<String, String> env;

    public GroupBuyCli(Connector connector, Map<String, String> env) {
        this.connector = connector;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new GatewayConnector(), System.getenv()).execute(args));
    }

    /** The command line with groupbuy's error handling: one error line and the documented exit codes. */
    public static CommandLine commandLine(Connector connector, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new GroupBuyCli(connector, env));
        commandLine.setExpandAtFiles(false); // @file.json is a JSON argument, not a picocli argument file
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            CliFailure report = new ErrorReport("the peer").describe(failure);
            line.getErr().println(report.line());
            line.getErr().flush();
            return report.exitCode();
        });
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine line = failure.getCommandLine();
            line.getErr().println("error: [USAGE] " + failure.getMessage());
            line.getErr().println("see: " + line.getCommandSpec().qualifiedName() + " --help");
            line.getErr().flush();
            return ExitCode.USAGE;
        });
        return commandLine;
    }

    public Connector connector() {
        return connector;
    }

    public Settings settings(ConnectionFlags flags) {
        return new SettingsResolver(env).resolve(flags);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "choose a command");
    }
}
