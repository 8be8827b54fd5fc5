package dev.rca.it;

import java.net.URI;
import java.util.Locale;

/**
 * The runbook's warm-up step in one command: generates a realistic UTF-8 log of the given size (seeded, so the same
 * every time) and uploads it to a tenant, printing the answer. Reads API_HOST and UPLOAD_TOKEN (or ADMIN_TOKEN) from
 * the environment. Run with deploy/sample-upload.sh TENANT [MEGABYTES].
 */
public final class SampleUpload {

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: sample-upload.sh TENANT [MEGABYTES]");
        }
        String tenant = args[0];
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String host = System.getenv().getOrDefault("API_HOST", "http://127.0.0.1:8080");
        String token = System.getenv("UPLOAD_TOKEN") != null ? System.getenv("UPLOAD_TOKEN")
                : System.getenv("ADMIN_TOKEN");
        if (token == null) {
            throw new IllegalStateException("set UPLOAD_TOKEN (the tenant's upload token) or ADMIN_TOKEN");
        }
        byte[] log = LogGenerator.generate(megabytes, megabytes * 1024 * 1024);
        Api.Response response = new Api(URI.create(host.replaceAll("/+$", "") + "/"), token)
                .upload(tenant, "text/plain; charset=utf-8", log);
        System.out.printf(Locale.ROOT, "uploaded %,d bytes to tenant %s: HTTP %d%n%s%n%s%n", log.length, tenant,
                response.status(), response.location() == null ? "" : "Location: " + response.location(),
                response.body());
        if (response.status() != 202) {
            System.exit(1);
        }
    }

    private SampleUpload() {
    }
}
