package dev.rca.uploads.control;

import dev.rca.uploads.entity.UploadFile;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A file's bytes in {@code file_blocks}, written and read block by block over plain JDBC so that no more than one
 * block is ever held in memory, and never through the persistence context. Always inside the caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FileBlocks {

    @Resource(lookup = "java:jboss/datasources/RcaDS")
    DataSource dataSource;

    public void write(long fileId, int blockIndex, byte[] data, int length) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO file_blocks (file_id, block_index, data) VALUES (?, ?, ?)")) {
            insert.setLong(1, fileId);
            insert.setInt(2, blockIndex);
            insert.setBytes(3, length == data.length ? data : Arrays.copyOf(data, length));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store block " + blockIndex + " of file " + fileId, e);
        }
    }

    /** How many blocks each file of an upload has stored, by file id; a file with none is left out. */
    Map<Long, Integer> countByFile(UUID uploadId) {
        Map<Long, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT f.id, COUNT(*) FROM upload_files f"
                     + " JOIN file_blocks b ON b.file_id = f.id WHERE f.upload_id = ? GROUP BY f.id")) {
            count.setObject(1, uploadId);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the blocks of upload " + uploadId, e);
        }
        return counts;
    }

    /** What is missing of the files' stored bytes, or null when every block of every file is there. */
    public String missingBlocks(UUID uploadId, List<UploadFile> files) {
        Map<Long, Integer> stored = countByFile(uploadId);
        for (UploadFile file : files) {
            int found = stored.getOrDefault(file.getId(), 0);
            if (found != file.getBlockCount()) {
                return "file " + file.getFileIndex() + " has " + found + " of its " + file.getBlockCount()
                        + " blocks";
            }
        }
        return null;
    }

    /** Removes a file's blocks: a file skipped after some of it was stored. */
    public void delete(long fileId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM file_blocks WHERE file_id = ?")) {
            delete.setLong(1, fileId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the blocks of file " + fileId, e);
        }
    }

    /** Removes the blocks of every file of an upload (the upload is being deleted); how many. */
    public int deleteUpload(UUID uploadId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM file_blocks WHERE file_id IN"
                     + " (SELECT id FROM upload_files WHERE upload_id = ?)")) {
            delete.setObject(1, uploadId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove the blocks of upload " + uploadId, e);
        }
    }

    /** Streams blocks {@code first} to {@code last} (inclusive) of a file to {@code consumer}, one at a time. */
    public void read(long fileId, int first, int last, BlockSink consumer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT block_index, data FROM file_blocks WHERE file_id = ? AND block_index BETWEEN ? AND ?"
                             + " ORDER BY block_index")) {
            // A cursor, not the whole file: PostgreSQL honours the fetch size inside a transaction.
            select.setFetchSize(1);
            select.setLong(1, fileId);
            select.setInt(2, first);
            select.setInt(3, last);
            try (ResultSet rows = select.executeQuery()) {
                int expected = first;
                while (rows.next()) {
                    int index = rows.getInt(1);
                    if (index != expected) {
                        throw new IllegalStateException("file " + fileId + " lacks block " + expected);
                    }
                    byte[] data = rows.getBytes(2);
                    consumer.accept(index, data, data.length);
                    expected++;
                }
                if (expected != last + 1) {
                    throw new IllegalStateException("file " + fileId + " lacks block " + expected);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read blocks " + first + ".." + last + " of file " + fileId, e);
        }
    }

    /** The bytes {@code [start, end)} of a file stored in blocks of {@code blockBytes}. */
    public byte[] range(long fileId, int blockBytes, long start, long end) {
        byte[] result = new byte[Math.toIntExact(end - start)];
        if (result.length == 0) {
            return result;
        }
        int first = Math.toIntExact(start / blockBytes);
        int last = Math.toIntExact((end - 1) / blockBytes);
        read(fileId, first, last, (index, data, length) -> {
            long blockStart = (long) index * blockBytes;
            long from = Math.max(start, blockStart);
            long to = Math.min(end, blockStart + length);
            System.arraycopy(data, (int) (from - blockStart), result, (int) (from - start), (int) (to - from));
        });
        return result;
    }
}
