package dev.arbiter.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the embedded database's background threads at a lower scheduling priority than the threads that
 * answer requests: H2's chunk serialisation and save threads and the checkpoint's file sync. They write
 * what the journal has already made durable, so nothing waits for them; but the serialisation thread
 * works in bursts (a quarter of a core on average under B1's 1,000 gates/s) and, at the same priority,
 * takes a core from the writer thread that every gate waits for. At nice 5 the gate p99 at 1,000/s went
 * from 17–30 ms to 13–19 ms on a quiet host (docs/benchmarks.md, B1 session 7). Should they fall behind, H2 makes the
 * next checkpoint wait for them, so they cannot be starved for long.
 *
 * <p>Linux only, best effort: threads are found by name in {@code /proc/self/task} and reniced with the
 * {@code renice} command (an unprivileged process may lower its own threads' priority; the JDK offers no
 * per-thread call). Elsewhere, or without {@code renice}, it does nothing and says so once. Not
 * thread-safe: used by one thread at a time.
 */
final class BackgroundPriority {
    private static final System.Logger LOG = System.getLogger(BackgroundPriority.class.getName());
    /** The nice value given; {@code -Darbiter.backgroundNice=0} turns this off. */
    static final int NICE = Integer.getInteger("arbiter.backgroundNice", 5);
    /** Thread names as Linux keeps them (15 characters). */
    static final List<String> THREAD_NAMES = List.of("H2-serializatio", "H2-save", "arbiter-checkpo");

    private final Path tasks;
    private final List<String> names;
    private final Set<String> lowered = new HashSet<>();
    private boolean unavailable;

    BackgroundPriority(Path tasks, List<String> names) {
        this.tasks = tasks;
        this.names = List.copyOf(names);
    }

    /** For this process's database background threads. */
    static BackgroundPriority ofThisProcess() {
        return new BackgroundPriority(Path.of("/proc/self/task"), THREAD_NAMES);
    }

    /**
     * Lowers the named threads not lowered yet (H2 starts its threads on first use, and starts new ones if
     * its executors are replaced, so this is called again now and then); returns how many it lowered now.
     */
    int lowerNewThreads() {
        if (unavailable || NICE == 0) {
            return 0;
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                String tid = task.getFileName().toString();
                if (!lowered.contains(tid) && names.contains(comm(task))) {
                    found.add(tid);
                }
            }
        } catch (IOException e) {
            giveUp("cannot list " + tasks + ": " + e.getMessage());
            return 0;
        }
        if (found.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
        command.addAll(found);
        try {
            Process renice = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroy();
                giveUp("renice failed");
                return 0;
            }
        } catch (IOException e) {
            giveUp("renice is not available: " + e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        lowered.addAll(found);
        LOG.log(System.Logger.Level.DEBUG, "database background threads {0} now at nice {1}", found, NICE);
        return found.size();
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread has ended
        }
    }

    private void giveUp(String why) {
        unavailable = true;
        LOG.log(
                System.Logger.Level.INFO,
                "database background threads keep their priority ({0}); gate latency may suffer under load",
                why);
    }
}
