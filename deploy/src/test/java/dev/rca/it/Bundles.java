package dev.rca.it;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Builds the upload corpus's inputs in memory: archives with any member a real or hostile bundle has. */
public final class Bundles {

    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, FIFO }

    /** An archive member; {@code target} is a link's target. */
    public record Member(String name, byte[] content, Type type, String target) {

        public static Member file(String name, byte[] content) {
            return new Member(name, content, Type.FILE, null);
        }

        static Member text(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }

        static Member directory(String name) {
            return new Member(name, new byte[0], Type.DIRECTORY, null);
        }

        static Member link(Type type, String name, String target) {
            return new Member(name, new byte[0], type, target);
        }
    }

    static byte[] zip(List<Member> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Member member : members) {
                ZipArchiveEntry entry = new ZipArchiveEntry(member.name());
                byte[] content = member.content();
                if (member.type() == Type.SYMLINK) {
                    entry.setUnixMode(0120777);
                    content = member.target().getBytes(StandardCharsets.UTF_8);
                }
                zip.putArchiveEntry(entry);
                zip.write(content);
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] tar(List<Member> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Member member : members) {
                TarArchiveEntry entry = switch (member.type()) {
                    case FILE -> new TarArchiveEntry(member.name());
                    case DIRECTORY -> new TarArchiveEntry(member.name().endsWith("/") ? member.name()
                            : member.name() + "/");
                    case SYMLINK -> new TarArchiveEntry(member.name(), TarArchiveEntry.LF_SYMLINK);
                    case HARDLINK -> new TarArchiveEntry(member.name(), TarArchiveEntry.LF_LINK);
                    case FIFO -> new TarArchiveEntry(member.name(), TarArchiveEntry.LF_FIFO);
                };
                if (member.target() != null) {
                    entry.setLinkName(member.target());
                }
                entry.setSize(member.type() == Type.FILE ? member.content().length : 0);
                tar.putArchiveEntry(entry);
                tar.write(member.type() == Type.FILE ? member.content() : new byte[0]);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A gzip stream of {@code members * memberBytes} zero bytes, built as that many identical gzip members (a valid
     * multi-member gzip, as {@code cat a.gz b.gz} makes): 10 GB of zeros without compressing 10 GB here.
     */
    static byte[] gzipOfZeros(int members, int memberBytes) {
        byte[] member;
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(one, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] zeros = new byte[1024 * 1024];
            for (int written = 0; written < memberBytes; written += zeros.length) {
                gzip.write(zeros, 0, Math.min(zeros.length, memberBytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        member = one.toByteArray();
        byte[] all = new byte[member.length * members];
        for (int i = 0; i < members; i++) {
            System.arraycopy(member, 0, all, i * member.length, member.length);
        }
        return all;
    }

    /** Text with a byte order mark in {@code charset} (UTF-8, UTF-16LE, UTF-16BE). */
    static byte[] withBom(String text, Charset charset) {
        ByteBuffer encoded = charset.encode("\uFEFF" + text);
        return Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    }

    private Bundles() {
    }
}
