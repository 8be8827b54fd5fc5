package dev.rca.tokens.control;

import dev.rca.tokens.entity.TokenKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes token secrets. Tokens are 192 random bits, so a plain SHA-256 is the right hash: there is
 * nothing to guess that a slow password hash would protect.
 */
public final class TokenSecrets {

    static final int RANDOM_BYTES = 24;
    static final int SHOWN_PREFIX = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String generate(TokenKind kind) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so that response timing tells nothing about how much of a hash matched. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The part of a token shown in lists: its kind prefix and a few characters, never enough to use it. */
    public static String shownPrefix(String token) {
        return token.substring(0, Math.min(SHOWN_PREFIX, token.length() / 3));
    }
}
