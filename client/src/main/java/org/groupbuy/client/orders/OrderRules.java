package org.groupbuy.client.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks one household's order must pass before anything is sent. */
public final class OrderRules {
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
    private final ItemCatalog catalog;

    public OrderRules(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    /** Problems of one order given as raw text; quantities maps sku to the cell as typed. */
    public List<String> problems(String household, String phone, Map<String, String> quantities) {
        List<String> problems = new ArrayList<>();
        if (household.isBlank()) {
            problems.add("household is missing");
        } else if (!REFERENCE.matcher(household).matches()) {
            problems.add("household '" + household + "' is not a reference like H-001 (letters, digits, . _ -)");
        }
        if (phone.isBlank()) {
            problems.add("phone is missing");
        } else if (!PHONE.matcher(phone.replaceAll("[\\s()-]", "")).matches()) {
            problems.add("phone '" + phone + "' is not a phone number (7 to 15 digits)");
        }
        int total = 0;
        for (Map.Entry<String, String> cell : quantities.entrySet()) {
            String sku = cell.getKey();
            if (!catalog.knows(sku)) {
                problems.add("sku " + sku + " is not an item of this group buy (items: " + catalog.skus() + ")");
                continue;
            }
            Integer quantity = quantity(cell.getValue());
            if (quantity == null) {
                problems.add("quantity of " + sku + " is '" + cell.getValue() + "', not a whole number >= 0");
            } else if (quantity > catalog.limit(sku)) {
                problems.add("quantity of " + sku + " is " + quantity + ", above the maximum of "
                        + catalog.limit(sku) + " per household");
            } else {
                total += quantity;
            }
        }
        if (problems.isEmpty() && total == 0) {
            problems.add("household " + household + " orders nothing");
        }
        return problems;
    }

    /** The quantities as numbers, leaving out zeros; call only when problems(...) found none. */
    public static Map<String, Integer> quantities(Map<String, String> cells) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        cells.forEach((sku, text) -> {
            int quantity = quantity(text);
            if (quantity > 0) {
                quantities.put(sku, quantity);
            }
        });
        return quantities;
    }

    private static Integer quantity(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
