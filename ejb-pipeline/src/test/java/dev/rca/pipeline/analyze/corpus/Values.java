package dev.rca.pipeline.analyze.corpus;

import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * The value kinds every layout of the corpus shares, by name ({@code ${ip}}, {@code ${user}}…): numbers of several
 * magnitudes, ids, hex, addresses, paths, UUIDs, durations, host and user names. Some kinds never carry a digit
 * (user names, words), some hold spaces (cities, reasons): real values are like that. Layouts add their own kinds
 * ({@link Source#kind}).
 */
final class Values {

    static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "oscar", "peggy", "rupert", "sybil", "trent", "victor", "walter", "olivia", "liam", "noah", "emma",
        "sophia", "mia", "lucas", "elena", "mateo", "chloe", "hugo", "ines", "jonas", "lena", "marta", "nils", "paula",
        "quentin", "rosa", "tomas", "ursula", "yara", "zoe", "bjorn", "anouk", "kemal", "priya", "wei", "haruto"};
    static final String[] SYSTEM_USERS = {"root", "admin", "oracle", "postgres", "test", "guest", "ubuntu", "deploy",
        "jenkins", "git", "nagios", "backup", "support", "ftp", "mysql", "pi", "webmaster", "user", "centos",
        "ansible"};
    static final String[] WORDS = {"alpha", "orders", "billing", "catalog", "search", "inventory", "shipping",
        "payments", "accounts", "reports", "audit", "notifications", "pricing", "reviews", "media", "checkout"};
    static final String[] CITIES = {"Berlin", "Lisbon", "New York", "São Paulo", "Tokyo", "Lyon", "Cape Town", "Oslo",
        "Kraków", "Austin", "Den Haag", "Mexico City", "Zürich", "Seoul", "Nairobi"};
    static final String[] DOMAINS = {"example.com", "example.org", "acme.io", "shop.example.net", "corp.local"};
    static final String[] SEGMENTS = {"var", "lib", "data", "srv", "app", "cache", "tmp", "uploads", "exports",
        "reports", "config", "spool", "archive", "incoming", "shared", "releases", "current", "static", "assets"};
    static final String[] EXTENSIONS = {"csv", "json", "log", "xml", "gz", "tmp", "pdf", "png", "jar", "dat", "txt"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private Values() {
    }

    /** A value of a shared kind, or null when the kind is not one of them. */
    static String value(String kind, Random r) {
        return switch (kind) {
            case "int" -> Long.toString(logUniform(r, 0, 1_000_000));
            case "small" -> Integer.toString(r.nextInt(10));
            case "n" -> Integer.toString(1 + r.nextInt(64));
            case "num" -> Integer.toString(1 + r.nextInt(999));
            case "big" -> Long.toString(logUniform(r, 1_000_000, 10_000_000_000L));
            case "long" -> Long.toString(logUniform(r, 1_000_000_000_000L, Long.MAX_VALUE / 4));
            case "port" -> Integer.toString(1024 + r.nextInt(64_511));
            case "ip" -> ip(r);
            case "ipport" -> ip(r) + ":" + (1024 + r.nextInt(64_511));
            case "hex" -> "0x" + hex(r, 4 + r.nextInt(9));
            case "hex2" -> "0x" + hex(r, 2);
            case "hex4" -> hex(r, 4);
            case "hex7" -> hex(r, 7);
            case "hex8" -> hex(r, 8);
            case "hex12" -> hex(r, 12);
            case "hex16" -> hex(r, 16);
            case "sha" -> hex(r, 40);
            case "uuid" -> uuid(r);
            case "ulid" -> ulid(r);
            case "path" -> path(r);
            case "file" -> file(r);
            case "user" -> pick(r, USERS);
            case "sysuser" -> pick(r, SYSTEM_USERS);
            case "uid" -> Integer.toString(1000 + r.nextInt(59_000));
            case "pid" -> Integer.toString(100 + r.nextInt(32_000));
            case "host" -> host(r);
            case "email" -> pick(r, USERS) + (r.nextInt(3) == 0 ? "." + pick(r, USERS) : "") + "@"
                    + pick(r, DOMAINS);
            case "url" -> "https://" + host(r) + "/" + pick(r, WORDS) + "/" + logUniform(r, 1, 100_000);
            case "ms" -> Long.toString(logUniform(r, 1, 30_000));
            case "dur" -> logUniform(r, 1, 30_000) + "ms";
            case "secs" -> String.format(Locale.ROOT, "%.3f", 0.05 + r.nextDouble() * r.nextDouble() * 40);
            case "float" -> String.format(Locale.ROOT, "%.2f", logUniform(r, 1, 100_000) / 10.0);
            case "pct" -> String.format(Locale.ROOT, "%.1f%%", r.nextDouble() * 100);
            case "money" -> String.format(Locale.ROOT, "%.2f", logUniform(r, 100, 500_000) / 100.0);
            case "size" -> String.format(Locale.ROOT, "%.1f%s", 1 + r.nextDouble() * 999, pick(r, "KB", "MB", "GB"));
            case "version" -> r.nextInt(6) + "." + r.nextInt(30) + "." + r.nextInt(20);
            case "date" -> String.format(Locale.ROOT, "2026-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28));
            case "word" -> pick(r, WORDS);
            case "city" -> pick(r, CITIES);
            case "bool" -> r.nextBoolean() ? "true" : "false";
            case "sku" -> (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + "-"
                    + (1000 + r.nextInt(9000)) + (r.nextInt(4) == 0 ? "-" + pick(r, "XL", "S", "M", "BLK") : "");
            case "payload" -> payload(r);
            case "jsonpayload" -> jsonPayload(r);
            default -> null;
        };
    }

    /** A number between {@code from} and {@code to}, each order of magnitude about as likely as the next. */
    static long logUniform(Random r, long from, long to) {
        double low = Math.log(from + 1.0);
        double high = Math.log(to + 1.0);
        return Math.min(to, Math.max(from, (long) Math.exp(low + r.nextDouble() * (high - low)) - 1));
    }

    static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    static String ip(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 1 -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 2 -> "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            default -> (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        };
    }

    static String hex(Random r, int digits) {
        char[] text = new char[digits];
        for (int i = 0; i < digits; i++) {
            text[i] = HEX[r.nextInt(16)];
        }
        return new String(text);
    }

    static String letters(Random r, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    /** Lower-case letters and digits, as in generated names ({@code 5d9f7c6b8-xk2lp}). */
    static String alnum(Random r, int count) {
        StringBuilder text = new StringBuilder(count);
        String chars = "bcdfghjklmnpqrstvwxz2456789";
        for (int i = 0; i < count; i++) {
            text.append(chars.charAt(r.nextInt(chars.length())));
        }
        return text.toString();
    }

    static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-" + HEX[8 + r.nextInt(4)] + hex(r, 3) + "-"
                + hex(r, 12);
    }

    static String ulid(Random r) {
        StringBuilder text = new StringBuilder("01H");
        for (int i = 0; i < 23; i++) {
            text.append(BASE32[r.nextInt(BASE32.length)]);
        }
        return text.toString();
    }

    static String path(Random r) {
        StringBuilder path = new StringBuilder();
        int depth = 2 + r.nextInt(4);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(i == depth - 1 && r.nextBoolean() ? pick(r, USERS) : pick(r, SEGMENTS));
        }
        return path.append('/').append(file(r)).toString();
    }

    static String file(Random r) {
        String base = switch (r.nextInt(4)) {
            case 0 -> pick(r, WORDS) + "-" + String.format(Locale.ROOT, "2026%02d%02d", 1 + r.nextInt(12),
                    1 + r.nextInt(28));
            case 1 -> pick(r, WORDS) + "_" + r.nextInt(10_000);
            case 2 -> pick(r, WORDS) + "-" + pick(r, USERS);
            default -> pick(r, "Präsentation", "données", "résumé", "報告", "export", "backup", "snapshot");
        };
        return base + "." + pick(r, EXTENSIONS);
    }

    static String host(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> pick(r, "web", "db", "cache", "api", "worker", "mq") + "-" + String.format(Locale.ROOT, "%02d",
                    1 + r.nextInt(24));
            case 1 -> pick(r, "db", "api", "search", "kafka") + "-" + r.nextInt(6) + ".prod.internal";
            case 2 -> pick(r, "gateway", "ldap", "smtp", "vault", "registry", "proxy") + "." + pick(r, DOMAINS);
            case 3 -> "ip-10-" + r.nextInt(256) + "-" + r.nextInt(256) + "-" + r.nextInt(256)
                    + ".eu-west-1.compute.internal";
            case 4 -> pick(r, "athena", "hermes", "zeus", "apollo", "poseidon", "demeter");
            default -> pick(r, WORDS) + "." + pick(r, DOMAINS);
        };
    }

    /** About 60-80 KB of base64: a payload logged whole. */
    static String payload(Random r) {
        byte[] data = new byte[45_000 + r.nextInt(15_000)];
        r.nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }

    /** About 80 KB of JSON with spaces: a request body logged whole. */
    static String jsonPayload(Random r) {
        StringBuilder json = new StringBuilder("{\"requestId\": \"").append(uuid(r)).append("\", \"items\": [");
        int items = 1_400 + r.nextInt(300);
        for (int i = 0; i < items; i++) {
            json.append(i > 0 ? ", " : "").append("{\"sku\": \"").append(value("sku", r)).append("\", \"qty\": ")
                    .append(1 + r.nextInt(9)).append(", \"note\": \"").append(pick(r, WORDS)).append("\"}");
        }
        return json.append("]}").toString();
    }
}
