package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.CommandGroup;
import org.groupbuy.client.commands.handover.ArriveCommand;
import org.groupbuy.client.commands.handover.DisinfectCommand;
import org.groupbuy.client.commands.handover.DisputeCommand;
import org.groupbuy.client.commands.handover.IncidentCommand;
import org.groupbuy.client.commands.audit.HouseholdDetailsCommand;
import picocli.CommandLine.Command;

@Command(name = "committee", description = "Residents' committee: approve group buys and arrivals, receive and "
        + "disinfect goods, handle incidents, mediate disputes, complete.",
        subcommands = {ApproveCommand.class, DeclineCommand.class, ApproveArrivalCommand.class,
                ArrivalQueueCommand.class, ArriveCommand.class, DisinfectCommand.class, IncidentCommand.class,
                ResolveIncidentCommand.class, RuleCommand.class, DisputeCommand.class, UndeliverableCommand.class,
                CompleteCommand.class, HouseholdDetailsCommand.class})
public final class CommitteeCommands extends CommandGroup {
}
