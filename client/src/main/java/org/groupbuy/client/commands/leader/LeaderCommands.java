package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.CommandGroup;
import org.groupbuy.client.commands.handover.DeliverCommand;
import org.groupbuy.client.commands.handover.DisputeCommand;
import org.groupbuy.client.commands.audit.HouseholdDetailsCommand;
import picocli.CommandLine.Command;

@Command(name = "leader", description = "Group leader: open a group buy, collect household orders, close, pay, "
        + "deliver for residents without a phone, settle.",
        subcommands = {OpenCommand.class, AddOrderCommand.class, ImportCommand.class, PutDetailsCommand.class,
                CancelOrderCommand.class, CloseCommand.class, CancelCommand.class, RequestArrivalCommand.class,
                DeliverCommand.class, PayCommand.class, PayAllCommand.class, RefundCommand.class, SettleCommand.class, DisputeCommand.class, HouseholdDetailsCommand.class,
                ExportCommands.class, SlipsCommand.class, StatsCommand.class})
public final class LeaderCommands extends CommandGroup {
}
