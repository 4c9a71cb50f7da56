package org.groupbuy.client.commands.leader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.GroupBuyFacts;
import org.groupbuy.client.backoffice.OrderFacts;
import org.groupbuy.client.backoffice.PickupSlip;
import org.groupbuy.client.backoffice.SlipBook;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.CodesOnFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "slips", description = {"Printable pickup slips (PDF, one A6 page per household) for residents "
        + "without a phone: group buy, household reference, items, and the pickup token as text and as a QR code.",
        "One slip per household still waiting for its goods (JOINED or CONFIRMED), or only those marked offline "
                + "with --offline-only. Each token is taken from the codes file that `leader import --codes-out` "
                + "wrote, and only if its salted hash is the one on the ledger; households without one are named "
                + "and nothing is written, unless --skip-missing. No name, phone or address is printed."},
        footer = {"%nExample:", "  groupbuy leader slips GB-7 --codes codes.csv --out slips.pdf --org leader"})
public final class SlipsCommand extends LedgerCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    String groupBuyId;

    @Option(names = "--codes", required = true, paramLabel = "FILE", description = "the codes file of leader import")
    Path codes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PDF to write (replaced)")
    Path out;

    @Option(names = "--offline-only", description = "slips only for households marked offline")
    boolean offlineOnly;

    @Option(names = "--skip-missing", description = "leave out households whose code is not on file, and say which")
    boolean skipMissing;

    @Override
    protected void run(LedgerSession session) throws Exception {
        if (!Files.isRegularFile(codes)) {
            throw CliFailure.usage("NO_CODES_FILE", codes + " does not exist; give the file leader import wrote "
                    + "with --codes-out");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw CliFailure.usage("NO_OUT", "the folder of --out " + out + " does not exist");
        }
        CodesOnFile onFile = CodesOnFile.read(codes);
        BackOfficeLedger ledger = BackOfficeLedger.of(session);
        GroupBuyFacts gb = ledger.groupBuy(groupBuyId);
        List<PickupSlip> slips = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (OrderFacts order : ledger.orders(groupBuyId)) {
            if (!order.waiting() || (offlineOnly && !order.offline())) {
                continue;
            }
            Optional<String> token = onFile.matching(order.household(), order.pickupSalt(), order.pickupCodeHash());
            if (token.isEmpty()) {
                missing.add(order.household());
            } else {
                slips.add(new PickupSlip(groupBuyId, order.household(), lines(gb, order), token.get()));
            }
        }
        if (!missing.isEmpty()) {
            String which = missing.size() + " household(s) have no pickup code in " + codes + " that matches the "
                    + "ledger: " + String.join(", ", missing);
            if (!skipMissing) {
                throw CliFailure.usage("CODES_MISSING", which + "; nothing was written (is it the codes file of "
                        + groupBuyId + "? --skip-missing prints the others)");
            }
            err().println("warning: " + which + "; no slip for them");
        }
        if (slips.isEmpty()) {
            throw CliFailure.usage("NO_SLIPS", "no household of " + groupBuyId + " is waiting for its goods"
                    + (offlineOnly ? " and marked offline" : "") + "; nothing was written");
        }
        new SlipBook().write(slips, out);
        out().println("wrote " + slips.size() + " pickup slip(s) for " + groupBuyId + " to " + out);
    }

    private static List<PickupSlip.Line> lines(GroupBuyFacts gb, OrderFacts order) {
        return gb.inItemOrder(order.lines()).stream()
                .map(e -> new PickupSlip.Line(e.getKey(), gb.nameOf(e.getKey()), e.getValue()))
                .toList();
    }
}
