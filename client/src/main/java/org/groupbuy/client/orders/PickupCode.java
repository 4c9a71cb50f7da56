package org.groupbuy.client.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A household's 6-digit pickup code and its salt; only the salted hash goes on the ledger. */
public record PickupCode(String salt, String code) {
    private static final int SALT_BYTES = 16;

    public static PickupCode draw(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PickupCode(HexFormat.of().formatHex(salt), String.format("%06d", random.nextInt(1_000_000)));
    }

    /** sha256hex(salt + ":" + code), lowercase, as docs/interfaces.md fixes it. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
