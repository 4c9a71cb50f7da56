package org.groupbuy.client.commands.regulator;

import org.groupbuy.client.commands.CommandGroup;
import org.groupbuy.client.commands.audit.HouseholdCommand;
import org.groupbuy.client.commands.audit.RecordCommand;
import org.groupbuy.client.commands.audit.TraceCommand;
import org.groupbuy.client.commands.audit.VerifyCommand;
import picocli.CommandLine.Command;

@Command(name = "regulator", description = "Market regulation and health authorities (read-only): trace orders from "
        + "source to door, party records, evidence, incidents.",
        subcommands = {TraceCommand.class, HouseholdCommand.class, RecordCommand.class, VerifyCommand.class,
                IncidentsCommand.class})
public final class RegulatorCommands extends CommandGroup {
}
