package dev.rca.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin UI's sign-in throttle on the real server, with its default curve (5 free failures per user name, 20 per
 * address, then 1 s, 2 s, 4 s … after the latest failure). Each test signs in through the test server's trusted proxy
 * (127.0.0.2) with its own {@code X-Forwarded-For} address, so that the throttle it provokes holds back nobody else's
 * sign-in from 127.0.0.1. The throttle's state is in the database, which is what makes it hold across nodes.
 */
class SignInThrottleIT extends AdminSession {

    private static final String USER = System.getProperty("it.ui.user");
    private static final String PASSWORD = System.getProperty("it.ui.password");
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final String WRONG = "Unknown user name or wrong password";
    private static final String THROTTLED = "Too many failed sign-ins";
    private static final int FREE_PER_USER = 5;
    private static final int FREE_PER_ADDRESS = 20;

    @Test
    void aUserNameIsThrottledAfterItsFreeFailuresEvenForTheRightPasswordUntilTheWaitIsOver() throws Exception {
        String address = "198.51.100.10";
        ServerLog log = ServerLog.mark();
        double failuresBefore = signIns("failure");
        double throttledBefore = signIns("throttled");

        for (int i = 1; i <= FREE_PER_USER; i++) {
            Api.Response wrong = signIn(address, USER, "wrong-password-" + i);
            assertEquals(200, wrong.status());
            assertTrue(wrong.body().contains(WRONG), "failure " + i + " of " + FREE_PER_USER + " is not throttled");
        }
        // Two more failures, each after the wait it met (1 s, then 2 s): the next attempt waits 4 s.
        int throttledAnswers = 0;
        for (int failures = FREE_PER_USER; failures < FREE_PER_USER + 2; ) {
            Api.Response answer = signIn(address, USER, "wrong-password-more-" + failures);
            if (answer.status() == 429) {
                throttledAnswers++;
                assertTrue(answer.body().contains(THROTTLED), answer.body());
                TimeUnit.SECONDS.sleep(Long.parseLong(answer.header("Retry-After")));
            } else {
                assertTrue(answer.body().contains(WRONG), answer.body());
                failures++;
            }
        }
        assertTrue(throttledAnswers <= 4, "each wait is short: " + throttledAnswers + " throttled answers");

        Api.Response rightTooEarly = signIn(address, USER, PASSWORD);
        assertEquals(429, rightTooEarly.status(), "the right password waits too: it is not even checked");
        assertTrue(rightTooEarly.body().contains(THROTTLED), rightTooEarly.body());
        long retryAfter = Long.parseLong(rightTooEarly.header("Retry-After"));
        assertTrue(retryAfter >= 2 && retryAfter <= 4, "7 failures: 4 s after the latest, less the time since: "
                + retryAfter);
        TimeUnit.SECONDS.sleep(Long.parseLong(rightTooEarly.header("Retry-After")));
        Api.Response signedIn = signIn(address, USER, PASSWORD);
        assertEquals(302, signedIn.status(), "after the wait the right password signs in: " + signedIn.body());

        Api.Response overview = get(address, "/admin/index.xhtml", cookie(signedIn));
        assertTrue(overview.body().contains("Failed sign-ins with your user name since then:"), overview.body());
        assertTrue(overview.body().contains(address), "the failures' address is listed on the overview");
        assertTrue(signIn(address, USER, "wrong-once-more").body().contains(WRONG),
                "a successful sign-in starts the user name's count again");

        String written = log.since();
        String attempt = "admin sign-in of '" + USER + "' from " + address;
        assertTrue(count(written, attempt + " failed") >= FREE_PER_USER + 1, written);
        assertTrue(written.contains(attempt + " refused: too many failures"), written);
        assertTrue(Pattern.compile("(?m)" + Pattern.quote(attempt) + "$").matcher(written).find(),
                "the success is logged: " + written);
        assertFalse(written.contains("wrong-password-1") || written.contains(PASSWORD), "no password is logged");
        assertTrue(signIns("failure") - failuresBefore >= FREE_PER_USER + 1);
        assertTrue(signIns("throttled") - throttledBefore >= 1);
    }

    @Test
    void anAddressIsThrottledAcrossUserNamesAndOnlyATrustedProxyChoosesTheAddress() throws Exception {
        String address = "198.51.100.20";
        for (int i = 1; i <= FREE_PER_ADDRESS; i++) {
            assertTrue(signIn(address, "probe-" + i, "guess").body().contains(WRONG), "free failure " + i);
        }
        Api.Response throttled = null;
        for (int i = 0; i < 10 && throttled == null; i++) {
            Api.Response answer = signIn(address, "another-probe-" + i, "guess");
            if (answer.status() == 429) {
                throttled = answer;
            }
        }
        assertNotNull(throttled, "fresh user names from the same address are throttled");
        assertEquals(429, signIn(address, USER, PASSWORD).status(),
                "the address's throttle holds back every user name, the right password's too");

        Api.Response forged = http().send(null, signInPost(address, "forged-probe", "guess", page(null)));
        assertEquals(200, forged.status(), "X-Forwarded-For from a client that is not the trusted proxy is ignored");
        assertTrue(forged.body().contains(WRONG), forged.body());
    }

    /**
     * Ten wrong passwords for one user name sent at once: each attempt is recorded before its password is checked, so
     * parallel attempts count each other and the burst gets about its free failures checked, not ten. Two more than
     * the free ones are allowed for a burst that the server spreads over more than the 1 s and 2 s waits.
     */
    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanASequence() throws Exception {
        String address = "198.51.100.30";
        int burst = 10;
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            forms.add(page(address));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(burst);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                String request = signInPost(address, "burst-probe", "guess-" + i, forms.get(i));
                answers.add(threads.submit(() -> {
                    start.await();
                    return new RawHttp(base, Duration.ofSeconds(30)).send(InetAddress.getByName("127.0.0.2"),
                            request);
                }));
            }
            start.countDown();
            int checked = 0;
            int throttled = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(60, TimeUnit.SECONDS);
                if (response.status() == 429) {
                    throttled++;
                } else if (response.body().contains(WRONG)) {
                    checked++;
                }
            }
            assertEquals(burst, checked + throttled, "every attempt is a failure or throttled");
            assertTrue(checked <= FREE_PER_USER + 2, checked + " of " + burst + " parallel guesses were checked");
        } finally {
            threads.shutdownNow();
        }
    }

    private record Form(String cookie, String viewState) {
    }

    private Api.Response signIn(String address, String user, String password) throws IOException {
        return http().send(InetAddress.getByName("127.0.0.2"), signInPost(address, user, password, page(address)));
    }

    /** The sign-in page's session cookie and view state, fetched through the trusted proxy for {@code address}. */
    private Form page(String address) throws IOException {
        Api.Response page = address == null ? http().send(null, request("GET", null, "/admin/sign-in.xhtml", null))
                : get(address, "/admin/sign-in.xhtml", null);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        return new Form(cookie(page), viewState.group(1));
    }

    private Api.Response get(String address, String path, String cookie) throws IOException {
        return http().send(InetAddress.getByName("127.0.0.2"), request("GET", address, path, cookie));
    }

    private static String signInPost(String address, String user, String password, Form form) {
        String body = "signIn=signIn&signIn%3Ausername=" + encode(user) + "&signIn%3Apassword=" + encode(password)
                + "&signIn%3Asubmit=Sign+in&jakarta.faces.ViewState=" + encode(form.viewState());
        return request("POST", address, "/admin/sign-in.xhtml", form.cookie())
                .replace("\r\n\r\n", "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n") + body;
    }

    /** HTTP/1.0, so that the answer ends with the connection rather than in chunks. */
    private static String request(String method, String forwardedFor, String path, String cookie) {
        return method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
    }

    private static String cookie(Api.Response answer) {
        String setCookie = answer.header("Set-Cookie");
        assertNotNull(setCookie, "a session cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private RawHttp http() {
        return new RawHttp(base, Duration.ofSeconds(10));
    }

    private double signIns(String outcome) {
        return Metrics.value(api, Pattern.compile(
                "(?m)^rca_admin_sign_ins_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.]+)$"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
