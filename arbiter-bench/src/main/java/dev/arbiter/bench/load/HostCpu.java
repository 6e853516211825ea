package dev.arbiter.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time as Linux counts it in the first line of {@code /proc/stat}: all of it, and the part
 * the hypervisor gave to other guests ("steal"). On a shared VM a run can lose a third of its CPU to steal
 * (B1, session 7: 8-37 % in 5 s windows), which moves the p99 more than most changes; each run reports its
 * share so that such runs can be told apart. Elsewhere the counts are zero and the share is unknown.
 *
 * @param total ticks of CPU time of every kind
 * @param steal ticks stolen by the hypervisor
 */
record HostCpu(long total, long steal) {
    private static final Path STAT = Path.of("/proc/stat");

    /** The counts now; zeros where {@code /proc/stat} cannot be read. */
    static HostCpu now() {
        try {
            String[] fields = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new HostCpu(total, fields.length > 8 ? Long.parseLong(fields[8]) : 0);
        } catch (IOException | RuntimeException e) {
            return new HostCpu(0, 0);
        }
    }

    /** The percentage of CPU time stolen between {@code before} and this reading; NaN if unknown. */
    double stealPercentSince(HostCpu before) {
        long ticks = total - before.total;
        return ticks <= 0 ? Double.NaN : 100.0 * (steal - before.steal) / ticks;
    }
}
