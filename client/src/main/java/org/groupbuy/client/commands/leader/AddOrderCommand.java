package org.groupbuy.client.commands.leader;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
import org.groupbuy.client.orders.OrderRules;
import org.groupbuy.client.orders.PickupCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "add-order", description = {
        "Add one household's order (e.g. entered for an elderly resident). The public order carries only the household "
                + "reference, the items and the salted hash of a new pickup code; name, phone and address go only to the "
                + "private collection. Prints the pickup code to hand to the household."},
        footer = {"%nExample:", "  groupbuy leader add-order --group-buy GB-7 --household H-031 --name \"Wang Li\" "
                + "--phone 13800000000 \\", "      --address \"Bldg 3, 402\" --item VEG-BOX=2 --item MILK-12=1 --offline "
                + "--org leader"})
public final class AddOrderCommand extends LedgerCommand {
    @Option(names = "--group-buy", required = true, paramLabel = "ID")
    String groupBuyId;

    @Option(names = "--household", required = true, description = "pseudonymous reference, e.g. H-031")
    String household;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--phone", required = true)
    String phone;

    @Option(names = "--address", required = true, description = "building and door")
    String address;

    @Option(names = "--item", required = true, paramLabel = "SKU=QUANTITY", description = "repeat for each item")
    Map<String, String> items = new LinkedHashMap<>();

    @Option(names = "--offline", description = "the resident cannot use a phone; the leader confirms delivery")
    boolean offline;

    @Override
    protected void run(LedgerSession session) throws Exception {
        OrderRules rules = new OrderRules(CatalogLookup.read(GroupBuyLedger.of(session), groupBuyId, err()));
        List<String> problems = rules.problems(household, phone, items);
        if (!problems.isEmpty()) {
            throw CliFailure.usage("INVALID_ORDER", String.join("; ", problems));
        }
        HouseholdOrder order = new HouseholdOrder(household, name, phone, address, OrderRules.quantities(items), offline);
        HouseholdImport sender = new HouseholdImport(GroupBuyLedger.of(session), groupBuyId, new SecureRandom());
        PickupCode code = sender.sendOrders(List.of(order)).get(household);
        sender.sendDetails(List.of(order));
        if (json) {
            out().println("{\"groupBuyId\":\"" + groupBuyId + "\",\"household\":\"" + household
                    + "\",\"code\":\"" + code.code() + "\"}");
        } else {
            out().println("added " + household + " to " + groupBuyId + "; pickup code: " + code.code());
        }
    }
}
