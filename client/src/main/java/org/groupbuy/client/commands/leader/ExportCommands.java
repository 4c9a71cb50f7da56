package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "export", description = "Back-office lists of a group buy as CSV or XLSX: picking (per sku), "
        + "sorting (per building and door), money (per household, reconciled with Settle).",
        subcommands = {ExportPickingCommand.class, ExportSortingCommand.class, ExportMoneyCommand.class})
public final class ExportCommands extends CommandGroup {
}
