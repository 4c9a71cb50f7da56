package org.groupbuy.client.commands.community;

import org.groupbuy.client.commands.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "community", description = "Communities and their hand-over policy (committee).",
        subcommands = RegisterCommand.class)
public final class CommunityCommands extends CommandGroup {
}
