package dev.rca.tokens.entity;

import dev.rca.naming.Labelled;

/** What a token may do: administer everything, or upload and read for exactly one tenant. */
public enum TokenKind implements Labelled {
    ADMIN("rca_adm_"),
    UPLOAD("rca_up_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    /** The start of every token of this kind, so that a leaked one is recognisable (and greppable). */
    public String prefix() {
        return prefix;
    }
}
