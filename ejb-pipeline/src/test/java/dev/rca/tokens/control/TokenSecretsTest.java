package dev.rca.tokens.control;

import dev.rca.tokens.entity.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSecretsTest {

    @Test
    void tokensCarryTheirKindsPrefixAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenSecrets.generate(TokenKind.UPLOAD);
            assertTrue(token.startsWith("rca_up_"), token);
            assertEquals("rca_up_".length() + 32, token.length(), "24 random bytes, base64url without padding");
            assertTrue(token.substring(7).matches("[A-Za-z0-9_-]+"), token);
            assertTrue(seen.add(token), "no token twice");
        }
        assertTrue(TokenSecrets.generate(TokenKind.ADMIN).startsWith("rca_adm_"));
    }

    @Test
    void hashIsSha256HexOfTheWholeToken() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
        assertNotEquals(TokenSecrets.hash("abc"), TokenSecrets.hash("abd"));
    }

    @Test
    void sameHashComparesWholeValues() {
        String hash = TokenSecrets.hash("token");
        assertTrue(TokenSecrets.sameHash(hash, TokenSecrets.hash("token")));
        assertFalse(TokenSecrets.sameHash(hash, TokenSecrets.hash("tokem")));
        assertFalse(TokenSecrets.sameHash(hash, hash.substring(1)));
    }

    @Test
    void shownPrefixNeverRevealsMoreThanAThirdOfTheToken() {
        String token = TokenSecrets.generate(TokenKind.ADMIN);
        assertEquals(token.substring(0, 12), TokenSecrets.shownPrefix(token));
        assertEquals("bootst", TokenSecrets.shownPrefix("bootstrap-value-1234"), "20 characters: 6 shown");
    }
}
