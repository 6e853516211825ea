package dev.arbiter.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The embedded database's redo journal: the writer appends each batch here before the batch
 * commits in H2, which then writes its file only at checkpoints (docs/storage.md, "Redo journal"). Segment
 * files {@code segment-<database id>-<first seq>.log} in one directory, so that the journal of a database
 * file that was deleted or replaced is never replayed into another; each record is its length, a CRC32C of
 * its payload
 * and the payload ({@link JournalRecord#encode}). A segment is started at every checkpoint, and a segment is
 * deleted only once a later checkpoint covers it and the one after it, so a database that comes back from a
 * crash one checkpoint short still finds every record it needs. Not thread-safe: the writer thread owns it
 * (and {@link JournalReplay} before the writer starts).
 */
final class Journal implements AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("segment-([0-9a-f-]{36})-(\\d{20})\\.log");
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final int HEADER = 8;
    /** A record larger than this is taken for garbage (a batch of 256 writes of 1 MiB each fits). */
    private static final int MAX_RECORD = 512 * 1024 * 1024;

    private final Path dir;
    private final String databaseId;
    private final List<Segment> segments = new ArrayList<>();
    private @Nullable FileChannel current;
    private long appendedSinceCheckpoint;
    /** The record being appended, header and payload; reused (only the writer thread appends). */
    private final JournalBuffer encoded = new JournalBuffer();

    private final CRC32C crc = new CRC32C();

    private Journal(Path dir, String databaseId) {
        this.dir = dir;
        this.databaseId = databaseId;
    }

    /**
     * The journal of the database {@code databaseId} in {@code dir}, created if missing; segments of another
     * database are left alone (and named in a warning). Nothing is open for appending until
     * {@link #startSegment}.
     */
    static Journal open(Path dir, String databaseId) {
        try {
            Files.createDirectories(dir);
            Journal journal = new Journal(dir, databaseId);
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> {
                    Matcher m = SEGMENT.matcher(file.getFileName().toString());
                    if (m.matches() && m.group(1).equals(databaseId)) {
                        journal.segments.add(new Segment(file, Long.parseLong(m.group(2))));
                    } else if (m.matches()) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "journal segment {0} belongs to another database file and is not replayed",
                                file);
                    }
                });
            }
            journal.segments.sort((a, b) -> Long.compare(a.firstSeq, b.firstSeq));
            return journal;
        } catch (IOException e) {
            throw new StoreException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every complete record, segment by segment. A record cut short or failing its checksum ends its segment:
     * appends are forced one after another, so it can only be the one a crash interrupted, which was never
     * acknowledged. Anything lost beyond that shows up as a gap in the seqs, which {@link JournalReplay}
     * refuses.
     */
    List<JournalRecord> readAll() {
        List<JournalRecord> records = new ArrayList<>();
        for (Segment segment : segments) {
            try {
                readSegment(segment.path, records);
            } catch (IOException e) {
                throw new StoreException("cannot read journal segment " + segment.path + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    private static void readSegment(Path path, List<JournalRecord> into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path));
        while (buffer.remaining() >= HEADER) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            if (length <= 0 || length > MAX_RECORD || length > buffer.remaining()) {
                return;
            }
            byte[] payload = new byte[length];
            buffer.get(payload);
            CRC32C check = new CRC32C();
            check.update(payload);
            if ((int) check.getValue() != crc) {
                return;
            }
            into.add(JournalRecord.decode(payload));
        }
    }

    /** Starts a new segment whose first record will be {@code firstSeq}; later appends go there. */
    void startSegment(long firstSeq) {
        openSegment(firstSeq);
        forceDirectory();
    }

    /** Opens a new segment for appends; its directory entry is not yet forced to disk. */
    private void openSegment(long firstSeq) {
        closeCurrent();
        Path path = dir.resolve(fileName(databaseId, firstSeq));
        try {
            current = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            segments.removeIf(s -> s.path.equals(path));
            segments.add(new Segment(path, firstSeq));
        } catch (IOException e) {
            throw new StoreException("cannot start journal segment " + path + ": " + e.getMessage(), e);
        }
        appendedSinceCheckpoint = 0;
    }

    /**
     * Appends {@code record}; returns the segment's size before it, for {@link #undo}. Once this returns the
     * record survives the process (kill -9); it is not forced to disk here, as H2's own write at each commit
     * was not: an fsync per batch was measured to double the gate p99 (docs/storage.md, "Redo journal").
     * Checkpoints force the database file. Fails with a {@link StoreException} (and the record may be partly
     * written: undo it).
     */
    long append(JournalRecord record) {
        FileChannel channel = requireCurrent();
        encoded.clear();
        int header = encoded.skip(HEADER);
        record.encodeTo(encoded);
        int payloadLength = encoded.size() - HEADER;
        crc.reset();
        crc.update(encoded.array(), HEADER, payloadLength);
        encoded.putIntAt(header, payloadLength);
        encoded.putIntAt(header + 4, (int) crc.getValue());
        ByteBuffer buffer = encoded.view(0);
        try {
            long before = channel.position();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            appendedSinceCheckpoint += HEADER + payloadLength;
            return before;
        } catch (IOException e) {
            throw new StoreException("cannot append to the journal: " + e.getMessage(), e);
        }
    }

    /** Cuts the current segment back to {@code size}, dropping a record whose batch did not commit. */
    void undo(long size) {
        FileChannel channel = requireCurrent();
        try {
            channel.truncate(size);
            channel.position(size);
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException("cannot take back a journal record: " + e.getMessage(), e);
        }
    }

    /** The file name of the segment of {@code databaseId} whose first record is {@code firstSeq}. */
    static String fileName(String databaseId, long firstSeq) {
        return String.format("segment-%s-%020d.log", databaseId, firstSeq);
    }

    /** The current segment's size in bytes: where the next record goes. */
    long size() {
        try {
            return requireCurrent().position();
        } catch (IOException e) {
            throw new StoreException("cannot read the journal's position: " + e.getMessage(), e);
        }
    }

    /** Bytes appended since the current segment started. */
    long appendedSinceCheckpoint() {
        return appendedSinceCheckpoint;
    }

    /**
     * The database file now holds every batch up to {@code position}: appends go to a new segment from now
     * on, and the segments whose records are all at or below {@code keptPosition} (an older checkpoint's
     * position) are forgotten. Returns the file-system work this leaves, forcing the new segment's
     * directory entry to disk and deleting the forgotten segments, which touches nothing else of this
     * journal and may run on another thread: done here, the directory's fsync and the deletions held the
     * writer thread at every checkpoint (docs/storage.md, "Redo journal"). Until it has run, a crash finds
     * old segments whose records the database file already holds, which replay skips.
     */
    Runnable checkpointed(long position, long keptPosition) {
        openSegment(position + 1);
        List<Segment> obsolete = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size(); i++) {
            long lastSeqInSegment = segments.get(i + 1).firstSeq - 1;
            if (lastSeqInSegment <= keptPosition) {
                obsolete.add(segments.get(i));
            }
        }
        segments.removeAll(obsolete);
        return () -> {
            forceDirectory();
            for (Segment segment : obsolete) {
                try {
                    Files.deleteIfExists(segment.path);
                } catch (IOException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "cannot delete journal segment {0}: {1}",
                            segment.path,
                            e.getMessage());
                }
            }
        };
    }

    /** Deletes every segment but the current one (after a replay that a checkpoint made durable). */
    void dropAllButCurrent() {
        List<Segment> old = new ArrayList<>(segments.subList(0, Math.max(0, segments.size() - 1)));
        for (Segment segment : old) {
            try {
                Files.deleteIfExists(segment.path);
                segments.remove(segment);
            } catch (IOException e) {
                throw new StoreException("cannot delete journal segment " + segment.path, e);
            }
        }
    }

    private FileChannel requireCurrent() {
        if (current == null) {
            throw new IllegalStateException("no journal segment is open");
        }
        return current;
    }

    private void forceDirectory() {
        // Makes the new segment's directory entry durable, so a crash cannot lose a whole segment. Linux allows
        // opening a directory for reading and forcing it; elsewhere this is best effort.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported on this platform.
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // Every record in it was forced when appended.
            }
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private record Segment(Path path, long firstSeq) {}
}
