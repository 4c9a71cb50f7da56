package org.groupbuy.client.commands;

import com.google.gson.JsonObject;
import java.util.concurrent.Callable;
import org.groupbuy.client.GroupBuyCli;
import org.groupbuy.client.connection.CertificateFacts;
import org.groupbuy.client.connection.IdentityFiles;
import org.groupbuy.client.failure.ExitCode;
import org.groupbuy.client.settings.ConnectionFlags;
import org.groupbuy.client.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "identity", description = "Who you are on the network: MSP, common name, role and community from "
        + "your certificate (works without a running network).",
        footer = {"%nExample:", "  groupbuy identity --org committee --user volunteer1"})
public final class IdentityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionFlags connection;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        Settings settings = ((GroupBuyCli) spec.root().userObject()).settings(connection);
        CertificateFacts facts = CertificateFacts.of(new IdentityFiles(settings).certificate());
        JsonObject who = new JsonObject();
        who.addProperty("mspId", settings.mspId());
        who.addProperty("commonName", facts.commonName());
        who.addProperty("party", settings.mspId() + "/" + facts.commonName());
        who.addProperty("role", facts.role().orElse(""));
        who.addProperty("community", facts.community().orElse(""));
        who.addProperty("certificate", settings.certificate().toString());
        who.addProperty("expires", facts.expires());
        who.addProperty("peer", settings.peerEndpoint());
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(who);
        } else {
            who.entrySet().forEach(e -> out.printf("%-12s %s%n", e.getKey(), e.getValue().getAsString()));
        }
        out.flush();
        return ExitCode.OK;
    }
}
