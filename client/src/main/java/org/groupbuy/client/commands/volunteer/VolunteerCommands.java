package org.groupbuy.client.commands.volunteer;

import org.groupbuy.client.commands.CommandGroup;
import org.groupbuy.client.commands.handover.ArriveCommand;
import org.groupbuy.client.commands.handover.DeliverCommand;
import org.groupbuy.client.commands.handover.DisinfectCommand;
import picocli.CommandLine.Command;

@Command(name = "volunteer", description = "Community volunteer (CommitteeMSP, role volunteer): receive goods at the "
        + "hand-over point, disinfect, deliver to each door against the pickup code. Use --org committee.",
        subcommands = {ArriveCommand.class, DisinfectCommand.class, DeliverCommand.class})
public final class VolunteerCommands extends CommandGroup {
}
