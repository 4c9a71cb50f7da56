package org.groupbuy.client.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The login of a console bound outside loopback: a shared secret token, read from a file (never from
 * the command line, where other users could see it), presented as "Authorization: Bearer TOKEN" or as
 * the cookie the login form sets. Compared in constant time.
 */
public final class TokenGate {
    static final String COOKIE = "groupbuy_console";
    private static final int MIN_LENGTH = 20;
    private final byte[] token;

    public TokenGate(String token) {
        String trimmed = token.trim();
        if (trimmed.length() < MIN_LENGTH || !trimmed.matches("[A-Za-z0-9._~+/=-]+")) {
            throw org.groupbuy.client.failure.CliFailure.usage("INVALID_ARGUMENT", "the console token must be at least "
                    + MIN_LENGTH + " characters of letters, digits or ._~+/=- (e.g. openssl rand -hex 32 > token.txt)");
        }
        this.token = trimmed.getBytes(StandardCharsets.UTF_8);
    }

    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The token a request presents, from its Authorization header or its cookie. */
    public static Optional<String> presented(String authorization, String cookies) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return Optional.of(authorization.substring("Bearer ".length()));
        }
        if (cookies != null) {
            for (String cookie : cookies.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=")) {
                    return Optional.of(c.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
