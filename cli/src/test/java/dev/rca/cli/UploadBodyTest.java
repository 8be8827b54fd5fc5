package dev.rca.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadBodyTest {

    static Progress silent() {
        return new Progress(new PrintWriter(Writer.nullWriter()), false, 0, System::nanoTime);
    }

    /** Everything a publisher emits, as the HTTP client would send it; the failure, if it ends with one. */
    static byte[] drain(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        return bytes.toByteArray();
    }

    static Map<String, String> untar(byte[] tarGz) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(tarGz)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void aSingleFileIsSentAsItIsWithItsLength(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "2026-12-01 ERROR boom\n");
        UploadBody body = UploadBody.of(List.of(log), null);
        assertInstanceOf(UploadBody.Single.class, body);
        assertEquals("app.log", body.name());
        HttpRequest.BodyPublisher publisher = body.publisher(silent());
        assertEquals(22, publisher.contentLength());
        assertEquals("2026-12-01 ERROR boom\n", new String(drain(publisher), StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryIsOneTarGzOfItsRegularFilesSortedByPathBelowIt(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("incident-42"));
        Files.writeString(logs.resolve("b.log"), "b\n");
        Files.createDirectories(logs.resolve("node1"));
        Files.writeString(logs.resolve("node1/a.log"), "a\n");
        Files.writeString(logs.resolve("a.log"), "first\n");
        String longName = "x".repeat(120) + ".log";
        Files.writeString(logs.resolve(longName), "long\n");
        UploadBody body = UploadBody.of(List.of(logs), null);
        assertEquals("incident-42.tar.gz", body.name());
        assertEquals(4, body.fileCount());
        assertEquals(2 + 2 + 6 + 5, body.sourceBytes());
        HttpRequest.BodyPublisher publisher = body.publisher(silent());
        assertEquals(-1, publisher.contentLength(), "sent chunked");
        Map<String, String> files = untar(drain(publisher));
        assertEquals(List.of("a.log", "b.log", "node1/a.log", longName).stream().sorted().toList(),
                new ArrayList<>(files.keySet()).stream().sorted().toList());
        assertEquals("first\n", files.get("a.log"));
        assertEquals("long\n", files.get(longName), "a name over 100 characters survives (POSIX tar)");
    }

    @Test
    void severalPathsPrefixADirectorysFilesWithItsName(@TempDir Path dir) throws Exception {
        Path gc = Files.writeString(dir.resolve("gc.log"), "gc\n");
        Path node = Files.createDirectories(dir.resolve("node2"));
        Files.writeString(node.resolve("server.log"), "s\n");
        UploadBody body = UploadBody.of(List.of(gc, node), null);
        assertEquals("bundle.tar.gz", body.name());
        assertEquals(List.of("gc.log", "node2/server.log"), new ArrayList<>(untar(drain(body.publisher(silent())))
                .keySet()));
    }

    @Test
    void twoFilesOfTheSameNameAreRefusedRatherThanOneHidden(@TempDir Path dir) throws IOException {
        Path one = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("server.log"), "1\n");
        Path two = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("server.log"), "2\n");
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> UploadBody.of(List.of(one, two), null));
        assertTrue(clash.getMessage().contains("two files would both be 'server.log'"), clash.getMessage());
    }

    @Test
    void anEmptyDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> UploadBody.of(List.of(empty), null));
        assertTrue(none.getMessage().startsWith("no regular file under"), none.getMessage());
    }

    @Test
    void aFileThatGrowsWhilePackedGoesAsItWasWhenTheCommandStartedWithANote(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path b = Files.writeString(logs.resolve("b.log"), "b1\n");
        UploadBody body = UploadBody.of(List.of(logs), null);
        Files.writeString(b, "b2 written after the start\n", StandardOpenOption.APPEND);
        StringWriter notes = new StringWriter();
        Map<String, String> files = untar(drain(body.publisher(
                new Progress(new PrintWriter(notes), false, body.sourceBytes(), System::nanoTime))));
        assertEquals("b1\n", files.get("b.log"));
        assertTrue(notes.toString().contains("rca: b.log grew while it was sent: its first 3 bytes"), notes.toString());
    }

    @Test
    void aFileThatShrankFailsTheBodyInsteadOfEndingItShort(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("a.log"), "a\n".repeat(100_000));
        Path b = Files.writeString(logs.resolve("b.log"), "b\n".repeat(10));
        UploadBody body = UploadBody.of(List.of(logs), null);
        Files.writeString(b, "b\n");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> drain(body.publisher(silent())));
        assertTrue(String.valueOf(failure.getCause().getMessage()).contains("b.log shrank while it was packed"),
                String.valueOf(failure.getCause()));
    }

    @Test
    void anEmptyFileIsSentAsAnEmptyBodyForTheServerToJudge(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        HttpRequest.BodyPublisher publisher = UploadBody.of(List.of(empty), null).publisher(silent());
        assertEquals(0, publisher.contentLength());
        assertEquals(0, drain(publisher).length);
    }

    @Test
    void aSingleFileIsSentUpToItsSizeAtTheStart(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), "one\n");
        UploadBody body = UploadBody.of(List.of(log), null);
        Files.writeString(log, "two\n", StandardOpenOption.APPEND);
        HttpRequest.BodyPublisher publisher = body.publisher(silent());
        assertEquals(4, publisher.contentLength());
        assertEquals("one\n", new String(drain(publisher), StandardCharsets.UTF_8));
        StringWriter notes = new StringWriter();
        body.noteGrowth(new Progress(new PrintWriter(notes), false, 4, System::nanoTime));
        assertTrue(notes.toString().startsWith("rca: app.log grew while it was sent: its first 4 bytes"),
                notes.toString());
    }

    @Test
    void aCancelledBundleEndsItsPackerInsteadOfLeavingItBlockedOnThePipe(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.write(logs.resolve("big.log"), SampleLog.generate(3, 8 * 1024 * 1024));
        HttpRequest.BodyPublisher publisher = UploadBody.of(List.of(logs), null).publisher(silent());
        CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
        CompletableFuture<Void> firstBytes = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscribed.complete(subscription);
                subscription.request(1);
            }

            @Override
            public void onNext(ByteBuffer item) {
                firstBytes.complete(null);
            }

            @Override
            public void onError(Throwable throwable) {
                firstBytes.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        firstBytes.get(30, TimeUnit.SECONDS);
        Thread packer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("rca-bundle-packer")).findFirst().orElseThrow();
        assertTrue(packer.isAlive(), "8 MiB do not fit the pipe: the packer waits for the reader");
        subscribed.get().cancel();
        packer.join(30_000);
        assertFalse(packer.isAlive(), "the packer ended once the body was cancelled");
    }

    @Test
    void progressCountsTheSourceBytes(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("a.log"), "a".repeat(5000));
        Files.writeString(logs.resolve("b.log"), "b".repeat(3000));
        UploadBody body = UploadBody.of(List.of(logs), null);
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, body.sourceBytes(), System::nanoTime);
        drain(body.publisher(progress));
        progress.done();
        assertTrue(text.toString().contains("100%  7.8 KiB / 7.8 KiB"), text.toString());
    }
}
