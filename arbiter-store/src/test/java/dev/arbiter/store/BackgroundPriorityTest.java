package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void aNamedThread_isLowered_onceAndOnlyOnce() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<String> tid = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread background = Thread.ofPlatform().name("nice-me-test").start(() -> {
            tid.set(ownTid());
            started.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        try {
            BackgroundPriority priority = new BackgroundPriority(TASKS, List.of("nice-me-test", "no-such-thread"));
            int before = nice(tid.get());
            int mine = nice(ownTid());

            int lowered = priority.lowerNewThreads();
            assumeTrue(lowered > 0 || before >= BackgroundPriority.NICE, "renice is available");

            assertThat(lowered).isEqualTo(1);
            assertThat(nice(tid.get())).isEqualTo(Math.max(before, BackgroundPriority.NICE));
            assertThat(nice(ownTid())).as("other threads keep theirs").isEqualTo(mine);
            assertThat(priority.lowerNewThreads()).as("not lowered twice").isZero();
        } finally {
            stop.countDown();
            background.join();
        }
    }

    @Test
    void withoutProc_itGivesUpQuietly() {
        BackgroundPriority priority = new BackgroundPriority(Path.of("/no/such/proc"), List.of("x"));

        assertThat(priority.lowerNewThreads()).isZero();
        assertThat(priority.lowerNewThreads()).isZero();
    }

    /** This thread's Linux thread id: the task whose {@code stat} names this thread. */
    private static String ownTid() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nice value of a thread: field 19 of its {@code stat}, after the parenthesised name. */
    private static int nice(String tid) throws java.io.IOException {
        String stat = Files.readString(TASKS.resolve(tid).resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
