package dev.rca.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance, with the defaults, for every request and answer of the API. Without it the REST layer builds
 * a new one for each body, and with it, again, the model of every class it writes (a sixth of the server's samples
 * in a profile of 1,000 small uploads, docs/benchmarks.md). A Jsonb is thread-safe.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
