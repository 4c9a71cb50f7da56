package org.groupbuy.client.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A household's pickup token and the salt that goes on the ledger beside its hash. The leader's client draws the
 * token with {@link SecureRandom}: 16 characters of Crockford's base32 alphabet (no I, L, O or U, so nothing reads
 * as another character), 5 bits each, 80 bits in all, shown in groups of four ({@code 7K3M-Q9TX-B2CD-H4NP}). Only
 * {@code sha256hex(salt + ":" + token)} goes on the ledger; the token itself reaches only the leader's codes file
 * and the household's slip. The salt is public and adds no secrecy: with 2^80 tokens a plain SHA-256 is already
 * far beyond guessing (docs/contract.md, "Pickup tokens"); it only keeps two equal tokens from sharing a hash.
 */
public record PickupCode(String salt, String code) {
    /** Crockford's base32: digits and capitals without I, L, O, U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 16;
    /** log2(32^16). */
    public static final int BITS = 80;
    private static final int SALT_BYTES = 16;

    public static PickupCode draw(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        StringBuilder token = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                token.append('-');
            }
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new PickupCode(HexFormat.of().formatHex(salt), token.toString());
    }

    /**
     * The form that is hashed, as the chaincode's Deliver reads what the volunteer types: without the dashes and
     * spaces between groups, in capitals (ASCII letters only, as the chaincode does).
     */
    public static String canonical(String code) {
        StringBuilder out = new StringBuilder(code.length());
        code.chars().filter(c -> c != '-' && c != ' ' && c != '\t')
                .forEach(c -> out.append((char) (c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c)));
        return out.toString();
    }

    /** sha256hex(salt + ":" + canonical token), lowercase, as docs/interfaces.md fixes it. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + canonical(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
