package dev.rca.bench;

import dev.rca.cli.SampleLog;
import dev.rca.it.Bundles;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time from the POST of a support bundle — a tar.gz of generated logs — to its analysis ended, on a running
 * server, through {@link UploadLatencyBenchmark#measure}. Sizes are of the logs before packing.
 */
public final class BundleLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        List<Bundles.Member> members = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            members.add(Bundles.Member.file("var/log/app-" + i + ".log",
                    SampleLog.generate(100 + i, megabytes * 1024 * 1024 / files)));
        }
        byte[] bundle = Bundles.gzip(Bundles.tar(members));
        System.out.printf(Locale.ROOT, "tar.gz of %d logs, %d MiB in all, %d bytes packed, to %s: %d warm-up,"
                + " %d measured%n", files, megabytes, bundle.length, base, warmups, runs);
        UploadLatencyBenchmark.measure(UploadLatencyBenchmark.api(base), "application/gzip", bundle, runs, warmups);
    }

    private BundleLatencyBenchmark() {
    }
}
