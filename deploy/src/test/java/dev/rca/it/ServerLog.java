package dev.rca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The PostgreSQL test server's log, read from a mark: what the server wrote while a test ran. */
final class ServerLog {

    private static final Path FILE = Path.of(System.getProperty("it.home.postgresql"), "standalone/log/server.log");

    private final long from;

    private ServerLog(long from) {
        this.from = from;
    }

    /** A mark at the log's current end. */
    static ServerLog mark() {
        try {
            return new ServerLog(Files.size(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything written since the mark. */
    String since() {
        try {
            byte[] all = Files.readAllBytes(FILE);
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
