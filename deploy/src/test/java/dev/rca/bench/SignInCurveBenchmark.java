package dev.rca.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in throttle as the best-behaved attacker meets it: one user name, wrong passwords, each next attempt sent
 * the moment {@code Retry-After} allows. Prints every answer (seconds since the start, whether the password was
 * checked, the wait asked for) and how many passwords were checked in the time. The user name is a fresh unknown one,
 * so no real account is throttled; the server's own address counter counts these attempts too. Never fails on a
 * figure. Run with deploy/benchmark.sh sign-in [BASE_URL [SECONDS]].
 */
public final class SignInCurveBenchmark {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final String WRONG = "Unknown user name or wrong password";

    public static void main(String[] args) throws IOException, InterruptedException {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 180;
        String user = "curve-probe-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        URI signIn = base.resolve("admin/sign-in.xhtml");
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        int checked = 0;
        int refused = 0;
        System.out.println("user name " + user + ", " + seconds + " s against " + signIn);
        System.out.println("    t (s)  answer                      Retry-After (s)");
        while (System.nanoTime() < end) {
            String page = http.send(HttpRequest.newBuilder(signIn).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher viewState = VIEW_STATE.matcher(page);
            if (!viewState.find()) {
                throw new IllegalStateException("no view state on the sign-in page: " + page);
            }
            String form = "signIn=signIn&signIn%3Ausername=" + encode(user) + "&signIn%3Apassword="
                    + encode("guess-" + (checked + refused)) + "&signIn%3Asubmit=Sign+in&jakarta.faces.ViewState="
                    + encode(viewState.group(1));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(signIn)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            double at = (System.nanoTime() - start) / 1e9;
            if (answer.statusCode() == 429) {
                refused++;
                long wait = answer.headers().firstValueAsLong("Retry-After").orElseThrow();
                System.out.printf(Locale.ROOT, "%9.1f  429 refused, unchecked      %d%n", at, wait);
                Thread.sleep(Math.min(Duration.ofSeconds(wait).toMillis(),
                        Math.max(0, Duration.ofNanos(end - System.nanoTime()).toMillis())));
            } else if (answer.body().contains(WRONG)) {
                checked++;
                System.out.printf(Locale.ROOT, "%9.1f  %d checked: wrong password%n", at, answer.statusCode());
            } else {
                throw new IllegalStateException("unexpected answer " + answer.statusCode() + ": " + answer.body());
            }
        }
        System.out.printf(Locale.ROOT, "%d passwords checked and %d attempts refused unchecked in %d s%n", checked,
                refused, seconds);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private SignInCurveBenchmark() {
    }
}
