package dev.arbiter.bench.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The disk's fsync floor, the "one fsync" of B1's latency goal and B3's physical limit
 * (../shared/reference/benchmarks.md): what {@code pg_test_fsync} calls "one 8kB write" with
 * {@code fdatasync}, an 8 KB block rewritten at the start of a 16 MB file and forced with
 * {@link FileChannel#force force(false)}, for a few seconds; and, for comparison, the same block appended
 * to a growing file and forced, as a journal that forced each record would do (the file's size changes,
 * so the file system also writes its metadata). Reports the mean (pg_test_fsync's figure), p50 and p99.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.arbiter.bench.disk.FsyncFloor <directory> [seconds]}; the
 * directory must be on the disk the server's data lives on. Prints one line per mode; the last line is
 * {@code fsync_ms=<mean of the rewrite mode>} for scripts.
 */
public final class FsyncFloor {
    static final int BLOCK = 8192;
    private static final long FILE_SIZE = 16L * 1024 * 1024;

    private FsyncFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FsyncFloor <directory> [seconds]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Duration each = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        Files.createDirectories(dir);
        Histogram rewrite = measure(dir.resolve("fsync-floor-rewrite"), false, each);
        Histogram append = measure(dir.resolve("fsync-floor-append"), true, each);
        System.out.println(line("8 KB rewrite + fdatasync", rewrite));
        System.out.println(line("8 KB append + fdatasync", append));
        System.out.printf(Locale.ROOT, "fsync_ms=%.3f%n", rewrite.getMean() / 1e6);
    }

    /** Forces one 8 KB write after another for {@code duration}; the latency of each write and force. */
    static Histogram measure(Path file, boolean append, Duration duration) throws IOException {
        Histogram latencies = new Histogram(3);
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try (FileChannel channel = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            if (!append) {
                // Allocate the file first, as pg_test_fsync does, so that the rewrites change no metadata.
                ByteBuffer zeros = ByteBuffer.allocateDirect(1024 * 1024);
                for (long at = 0; at < FILE_SIZE; at += zeros.capacity()) {
                    zeros.clear();
                    channel.write(zeros, at);
                }
                channel.force(true);
            }
            long end = System.nanoTime() + duration.toNanos();
            long position = 0;
            for (long n = 0; System.nanoTime() < end; n++) {
                block.clear();
                block.putLong(0, n); // a different block each time, as a log's records are
                long started = System.nanoTime();
                while (block.hasRemaining()) {
                    channel.write(block, position + block.position());
                }
                channel.force(false);
                latencies.recordValue(System.nanoTime() - started);
                if (append) {
                    position += BLOCK;
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return latencies;
    }

    private static String line(String mode, Histogram h) {
        return String.format(
                Locale.ROOT,
                "fsync floor, %-25s n=%6d mean=%6.3fms p50=%6.3fms p99=%6.3fms max=%7.3fms",
                mode,
                h.getTotalCount(),
                h.getMean() / 1e6,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
