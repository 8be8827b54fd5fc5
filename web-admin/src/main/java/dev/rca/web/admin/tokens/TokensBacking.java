package dev.rca.web.admin.tokens;

import dev.rca.web.admin.Messages;
import dev.rca.errors.BusinessException;
import dev.rca.tokens.boundary.ApiTokens;
import dev.rca.tokens.boundary.NewToken;
import dev.rca.tokens.boundary.TokenView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * admin/tokens/index.xhtml: every API token, admin and upload, with last use; new admin tokens (the secret lives only
 * in this view, so it is shown once) and revocation — {@code /api/admin/tokens} by click.
 */
@Named
@ViewScoped
public class TokensBacking implements Serializable {

    @EJB
    ApiTokens tokens;

    private List<TokenView> tokenList;
    private String name;
    private Integer days;
    private TokenView created;

    @PostConstruct
    void refresh() {
        tokenList = tokens.list();
    }

    public void create() {
        try {
            created = tokens.createAdminToken(new NewToken(name,
                    days == null ? null : Instant.now().plus(Duration.ofDays(days))));
            name = null;
            days = null;
            refresh();
        } catch (BusinessException refusal) {
            Messages.error("expiresAt".equals(refusal.details().get("field")) ? "create:days" : "create:name", refusal);
        }
    }

    public void revoke(UUID id) {
        try {
            TokenView revoked = tokens.revoke(id);
            Messages.info("Token " + revoked.name() + " (" + revoked.prefix() + "…) revoked.");
            created = null;
            refresh();
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    public List<TokenView> getTokens() {
        return tokenList;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public TokenView getCreated() {
        return created;
    }
}
