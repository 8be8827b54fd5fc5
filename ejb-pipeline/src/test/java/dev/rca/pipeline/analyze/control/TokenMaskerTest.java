package dev.rca.pipeline.analyze.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenMaskerTest {

    static String mask(String message) {
        StringBuilder out = new StringBuilder();
        TokenMasker.mask(message, 0, out);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", value = {
            "order 42 accepted ;; order <*> accepted",
            "connect to 10.0.0.7:5432 failed ;; connect to <*> failed",
            "user=alice logged in ;; user=alice logged in",
            "pod=\"kube-system/dns-7\" ready ;; pod=\"<*>\" ready",
            "reading /var/log/syslog ;; reading <*>",
            "CE sym 2, at fffbaada, mask 0x74 ;; CE sym <*>, at <*>, mask <*>",
            "id DEADBEEF released ;; id <*> released",
            "a decade faced defaced ;; a decade faced defaced",
            "see https://example.com/x ;; see <*>",
            "WFLYSRV0049: WildFly Full 39.0.1.Final starting ;; WFLYSRV0049: WildFly Full <*> starting",
            "ELY00001: WildFly Elytron version 2.8.2 ;; ELY00001: WildFly Elytron version <*>",
            "order A1234: cancelled ;; order <*>: cancelled",
            "GET /api/v1/orders/123 took 250ms ;; GET <*> took <*>",
            "block core.156655 from nginx/1.26.2 via ssh2 ;; block core.<*> from nginx/<*> via ssh2",
            "invoice INV-20931 on node-3 of shop/web-0 ;; invoice <*> on <*> of <*>",
            "from /10.0.0.1:50010 at 2026-01-05T10:00:00.123Z ;; from <*> at <*>",
            "status installed node-gyp:all 1.13.6~dfsg+~1.11.4 ;; status installed node-gyp:all <*>",
            "code WFLYSRV0049 repeated ;; code <*> repeated",
    })
    void masksWhatIsObviouslyAValue(String message, String masked) {
        assertEquals(masked, mask(message));
    }
}
