package dev.rca.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What {@code rca upload} sends: one file as it is, with its length; several files or a directory as one tar.gz
 * bundle packed while it is sent (a pipe, never a temporary copy). Either body can be built again for a retry.
 * Each file is sent up to the size it had when the command started: a log still being written (the usual case at
 * 3 a.m.) goes as it was then, with a note; one that shrank in between fails the request.
 */
abstract sealed class UploadBody {

    /** The name the server stores the upload under ({@code ?name=}). */
    abstract String name();

    /** The bytes of the files to send, for the progress bar's total. */
    abstract long sourceBytes();

    /** How many files it holds. */
    abstract int fileCount();

    /** A fresh body; {@code progress} is told of every source byte read. */
    abstract HttpRequest.BodyPublisher publisher(Progress progress);

    /** After the body is sent: a note for a file that grew meanwhile (a bundle notes each file as it packs it). */
    void noteGrowth(Progress progress) throws IOException {
    }

    /**
     * The body for the paths given on the command line: a single regular file as itself, anything else (several
     * paths, a directory) as a bundle of the regular files found under them, in sorted order.
     */
    static UploadBody of(List<Path> paths, String name) throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("cannot read " + path + " (permission denied)");
            }
        }
        if (paths.size() == 1 && Files.isRegularFile(paths.get(0))) {
            Path file = paths.get(0);
            return Single.of(file, name != null ? name : String.valueOf(file.getFileName()), Files.size(file));
        }
        List<Entry> entries = entries(paths);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no regular file under " + paths);
        }
        String bundleName = name != null ? name
                : paths.size() == 1 ? paths.get(0).toAbsolutePath().normalize().getFileName() + ".tar.gz"
                : "bundle.tar.gz";
        return new Bundle(entries, bundleName);
    }

    /** One file of a bundle: where it is and its name inside the archive. */
    record Entry(Path file, String name, long bytes) {
    }

    /**
     * The bundle's entries: a directory given alone contributes its files by their path below it; with several
     * arguments, a file is named by its own name and a directory's files are prefixed by the directory's name.
     * Two files that would have the same name are refused rather than one hidden behind the other.
     */
    static List<Entry> entries(List<Path> paths) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Path> taken = new HashMap<>();
        boolean alone = paths.size() == 1;
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isRegularFile(absolute)) {
                add(entries, taken, absolute, String.valueOf(absolute.getFileName()));
                continue;
            }
            String prefix = alone || absolute.getFileName() == null ? "" : absolute.getFileName() + "/";
            try (Stream<Path> walk = Files.walk(absolute)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("cannot read " + file + " (permission denied)");
                    }
                    add(entries, taken, file, prefix + absolute.relativize(file).toString().replace('\\', '/'));
                }
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("cannot read the directory tree under " + path + ": "
                        + e.getCause().getMessage(), e);
            }
        }
        return entries;
    }

    private static void add(List<Entry> entries, Map<String, Path> taken, Path file, String name)
            throws IOException {
        Path other = taken.putIfAbsent(name, file);
        if (other != null) {
            throw new IllegalArgumentException("two files would both be '" + name + "' in the bundle: " + other
                    + " and " + file + " (upload them separately or put them in one directory)");
        }
        entries.add(new Entry(file, name, Files.size(file)));
    }

    /** One file's bytes, sent as they are with their length: a file given on the command line, or made here. */
    static final class Single extends UploadBody {
        private final String name;
        private final long bytes;
        private final Source source;
        private final Path file;

        /** Opens the bytes afresh for each attempt. */
        interface Source {
            InputStream open() throws IOException;
        }

        private Single(String name, long bytes, Source source, Path file) {
            this.name = name;
            this.bytes = bytes;
            this.source = source;
            this.file = file;
        }

        static Single of(Path file, String name, long bytes) {
            return new Single(name, bytes, () -> Files.newInputStream(file), file);
        }

        /** {@code rca sample}'s generated log. */
        static Single generated(String name, byte[] bytes) {
            return new Single(name, bytes.length, () -> new ByteArrayInputStream(bytes), null);
        }

        @Override
        void noteGrowth(Progress progress) throws IOException {
            if (file != null && Files.size(file) > bytes) {
                progress.note(name + " grew while it was sent: its first " + bytes
                        + " bytes (its size when the command started) were sent");
            }
        }

        @Override
        String name() {
            return name;
        }

        @Override
        long sourceBytes() {
            return bytes;
        }

        @Override
        int fileCount() {
            return 1;
        }

        /** The first {@code bytes} of the source: what was there when the command started. */
        @Override
        HttpRequest.BodyPublisher publisher(Progress progress) {
            if (bytes == 0) {
                return HttpRequest.BodyPublishers.noBody();
            }
            return closingOnCancel(() -> {
                try {
                    return new Counting(BoundedInputStream.builder().setInputStream(source.open())
                            .setMaxCount(bytes).get(), progress);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name, e);
                }
            }, bytes);
        }
    }

    static final class Bundle extends UploadBody {
        private final List<Entry> entries;
        private final String name;

        Bundle(List<Entry> entries, String name) {
            this.entries = List.copyOf(entries);
            this.name = name;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        long sourceBytes() {
            return entries.stream().mapToLong(Entry::bytes).sum();
        }

        @Override
        int fileCount() {
            return entries.size();
        }

        /** Sent chunked: its length is known only once it is packed. */
        @Override
        HttpRequest.BodyPublisher publisher(Progress progress) {
            return closingOnCancel(() -> pack(progress), -1);
        }

        /**
         * The tar.gz, packed by a thread of its own into a pipe that the request reads. A file that cannot be read
         * (or that shrinks while it is packed) fails the request: the reader sees the packer's error instead of the
         * end of a short archive, so the server never stores half a bundle as if it were whole.
         */
        private InputStream pack(Progress progress) {
            Pipe pipe;
            try {
                pipe = Pipe.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Packer packer = new Packer(Channels.newOutputStream(pipe.sink()), progress);
            Thread thread = new Thread(packer, "rca-bundle-packer");
            thread.setDaemon(true);
            thread.start();
            return new FilterInputStream(Channels.newInputStream(pipe.source())) {
                @Override
                public int read() throws IOException {
                    int value = super.read();
                    return value < 0 ? endOr(packer) : value;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    return read < 0 ? endOr(packer) : read;
                }
            };
        }

        private static int endOr(Packer packer) throws IOException {
            IOException failure = packer.failure;
            if (failure != null) {
                throw failure;
            }
            return -1;
        }

        private final class Packer implements Runnable {
            private final OutputStream sink;
            private final Progress progress;
            private volatile IOException failure;

            Packer(OutputStream sink, Progress progress) {
                this.sink = sink;
                this.progress = progress;
            }

            @Override
            public void run() {
                try {
                    write(sink);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    // whatever stopped the packing must reach the reader, or the archive would end short
                    failure = new IOException("packing the bundle failed: " + e, e);
                } finally {
                    try {
                        sink.close();
                    } catch (IOException e) {
                        // the reader is gone: nothing left to tell
                    }
                }
            }

            private void write(OutputStream sink) throws IOException {
                GZIPOutputStream gzip = new GZIPOutputStream(sink, 64 * 1024);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Entry entry : entries) {
                    TarArchiveEntry header = new TarArchiveEntry(entry.name());
                    header.setSize(entry.bytes());
                    header.setModTime(Files.getLastModifiedTime(entry.file()));
                    tar.putArchiveEntry(header);
                    try (InputStream in = new Counting(Files.newInputStream(entry.file()), progress)) {
                        long copied = IOUtils.copyLarge(in, tar, 0, entry.bytes());
                        if (copied != entry.bytes()) {
                            throw new IOException(entry.file() + " shrank while it was packed (" + entry.bytes()
                                    + " bytes when the command started, " + copied + " now)");
                        }
                        if (Files.size(entry.file()) > entry.bytes()) {
                            progress.note(entry.name() + " grew while it was sent: its first " + entry.bytes()
                                    + " bytes (its size when the command started) are in the bundle");
                        }
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
                gzip.finish();
                gzip.flush();
            }
        }
    }

    /**
     * A body read from a stream, of {@code length} bytes (-1: chunked), whose stream is closed when the HTTP client
     * cancels it (the server answered early, the connection broke): the client itself closes it only at its end or
     * on a read error, and a bundle's packer would stay blocked on the pipe with a file open.
     */
    static HttpRequest.BodyPublisher closingOnCancel(Supplier<InputStream> open, long length) {
        AtomicReference<InputStream> opened = new AtomicReference<>();
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> {
            InputStream in = open.get();
            opened.set(in);
            return in;
        });
        HttpRequest.BodyPublisher body = length < 0 ? streamed
                : HttpRequest.BodyPublishers.fromPublisher(streamed, length);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(new Flow.Subscriber<ByteBuffer>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscriber.onSubscribe(new Flow.Subscription() {
                            @Override
                            public void request(long n) {
                                subscription.request(n);
                            }

                            @Override
                            public void cancel() {
                                subscription.cancel();
                                IOUtils.closeQuietly(opened.get());
                            }
                        });
                    }

                    @Override
                    public void onNext(ByteBuffer item) {
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        subscriber.onError(failure);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                    }
                });
            }
        };
    }

    /** Tells the progress of every byte read through it. */
    private static final class Counting extends FilterInputStream {
        private final Progress progress;

        Counting(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                progress.sent(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                progress.sent(read);
            }
            return read;
        }
    }
}
