package org.groupbuy.client.commands.commitment;

import org.groupbuy.client.commands.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "commitment", description = "Responsibility commitments: sign (leader, supplier, courier), "
        + "countersign/suspend/reinstate/revoke (committee), list and show (anyone).",
        subcommands = {SignCommand.class, CountersignCommand.class, SuspendCommand.class, ReinstateCommand.class,
                RevokeCommand.class, ListCommitmentsCommand.class, ShowCommitmentCommand.class})
public final class CommitmentCommands extends CommandGroup {
}
