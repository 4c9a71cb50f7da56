package org.groupbuy.client.commands.supplier;

import org.groupbuy.client.commands.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "supplier", description = "Supplier (guarantee enterprise): accept or reject the aggregate order, "
        + "pack it with lots and inspection evidence, record payment.",
        subcommands = {AcceptCommand.class, RejectCommand.class, PackCommand.class, PaidCommand.class,
            ConfirmPaymentCommand.class})
public final class SupplierCommands extends CommandGroup {
}
