package org.groupbuy.chaincode.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** One household's order in one group buy: pseudonymous reference, lines, the hash of its pickup token. */
public final class HouseholdOrder {
    private String household;
    private List<Line> lines;
    private String pickupSalt;
    private String pickupCodeHash;
    private Boolean offline;
    @Computed private String groupBuyId;
    @Computed private long amountCents;
    @Computed private OrderStatus status;
    @Computed private String joinedAt;
    @Computed private String handedOverBy;
    @Computed private Boolean proxy;
    @Computed private String updatedAt;
    @Computed private String reason;
    @Computed private String batch;

    /** One order line. */
    public static final class Line {
        private String sku;
        private Long quantity;

        public String sku() {
            return sku;
        }

        public long quantity() {
            return quantity;
        }

        /** Both fields present: the sku an id, the quantity in {@code min..max}. */
        void check(final String what, final long min, final long max) {
            Args.id(sku, what + " sku");
            Args.between(Args.present(quantity, what + " quantity of " + sku), min, max, what + " quantity of " + sku);
        }
    }

    /** Checks a new order against the group buy's items and prices it. */
    void join(final GroupBuy gb, final Instant at) {
        Args.id(household, "household");
        ErrorCode.INVALID_ARGUMENT.check(lines != null && !lines.isEmpty(), "household %s has no lines", household);
        final TreeSet<String> skus = new TreeSet<>();
        long amount = 0;
        for (final Line line : lines) {
            Args.id(line.sku, "sku");
            final Item item = gb.item(line.sku);
            ErrorCode.INVALID_ARGUMENT.check(skus.add(line.sku), "household %s lists sku %s twice", household, line.sku);
            Args.present(line.quantity, "quantity of " + line.sku);
            ErrorCode.INVALID_ARGUMENT.check(line.quantity >= 1 && line.quantity <= item.maxPerHousehold(),
                    "household %s: quantity of %s must be 1-%d", household, line.sku, item.maxPerHousehold());
            final String what = "amountCents of household " + household;
            amount = Exact.add(amount, Exact.multiply(line.quantity, item.unitPriceCents(), what), what);
        }
        Args.text(pickupSalt, "pickupSalt", 64);
        Args.hash(pickupCodeHash, "pickupCodeHash");
        offline = Boolean.TRUE.equals(offline);
        groupBuyId = gb.id();
        amountCents = amount;
        status = OrderStatus.JOINED;
        joinedAt = at.toString();
    }

    void move(final OrderStatus target, final String action, final Instant at) {
        status.guard("household order", groupBuyId + "/" + household, target, action);
        status = target;
        updatedAt = at.toString();
    }

    /**
     * Hands the goods over if the pickup token matches; a leader's hand-over is recorded as proxy. The token is
     * compared as the leader's client hashed it: without the dashes or spaces between its groups, in capitals.
     */
    void deliver(final Caller caller, final String pickupCode, final Instant at) {
        Args.text(pickupCode, "pickupCode", 64);
        ErrorCode.FORBIDDEN.check(sha256Hex(pickupSalt + ":" + canonicalToken(pickupCode)).equals(pickupCodeHash),
                "pickup code does not match household %s's order; ask the resident for the code on their receipt",
                household);
        move(OrderStatus.DELIVERED, "Deliver", at);
        handedOverBy = caller.party();
        proxy = caller.is(Role.LEADER);
    }

    void undeliverable(final String why, final Instant at) {
        reason = Args.publicText(why, "reason", 300);
        move(OrderStatus.UNDELIVERABLE, "MarkUndeliverable", at);
    }

    boolean canBeRefunded() {
        return status.canMoveTo(OrderStatus.REFUNDED);
    }

    /**
     * A pickup token as it is hashed: {@code 7k3m-q9tx b2cd-h4np} is {@code 7K3MQ9TXB2CDH4NP}. Only ASCII letters
     * change case, so every endorser's JVM, whatever its Unicode tables, reads a token the same way.
     */
    public static String canonicalToken(final String token) {
        final StringBuilder out = new StringBuilder(token.length());
        token.chars().filter(c -> c != '-' && c != ' ' && c != '\t')
                .forEach(c -> out.append((char) (c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c)));
        return out.toString();
    }

    public static String sha256Hex(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void addedIn(final String batchId) {
        batch = batchId;
    }

    /** The id of the {@link OrderBatch} the order came in; null for orders written before batches were recorded. */
    public String batch() {
        return batch;
    }

    public String household() {
        return household;
    }

    public List<Line> lines() {
        return lines;
    }

    public long quantity(final String sku) {
        return lines.stream().filter(l -> l.sku.equals(sku)).mapToLong(l -> l.quantity).sum();
    }

    /** When the household joined (ISO instant); orders of short goods are served in this order. */
    public String joinedAt() {
        return joinedAt;
    }

    public long amountCents() {
        return amountCents;
    }

    public OrderStatus status() {
        return status;
    }

    public String groupBuyId() {
        return groupBuyId;
    }

    /** Puts what the trace must show of this order's last step into its event: hand-over by proxy, reason. */
    public void describeLastStep(final CustodyEvent event) {
        if (Boolean.TRUE.equals(proxy)) {
            event.detail("proxy", "true");
        }
        if (reason != null) {
            event.detail("reason", reason);
        }
    }
}
