package org.groupbuy.client.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A group of sub-commands (leader, supplier, ...); called alone it asks for a sub-command. */
public abstract class CommandGroup implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "choose a sub-command of '" + spec.qualifiedName() + "'");
    }
}
