package org.groupbuy.client.commands.courier;

import org.groupbuy.client.commands.CommandGroup;
import org.groupbuy.client.commands.handover.IncidentCommand;
import picocli.CommandLine.Command;

@Command(name = "courier", description = "Courier with a lockdown transport pass: dispatch, checkpoints, incidents.",
        subcommands = {DispatchCommand.class, CheckpointCommand.class, IncidentCommand.class})
public final class CourierCommands extends CommandGroup {
}
