package dev.arbiter.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code arbiter <args>} in a separate JVM with its own environment, as a user runs it; for tests. */
final class JavaProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer stderr = new StringBuffer();

    private JavaProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), line -> {
            lines.add(line);
            stdout.add(line);
        });
        pump(process.getErrorStream(), line -> stderr.append(line).append('\n'));
    }

    /** Starts {@code dev.arbiter.server.Main} with {@code args} and {@code env} added to this JVM's environment. */
    static JavaProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xmx256m");
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ARBITER_"));
        builder.environment().putAll(env);
        return new JavaProcess(builder.start());
    }

    /** Waits for the server's "listening" line and returns the bound port. */
    int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!process.isAlive() && stdout.isEmpty()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + stderr);
            }
        }
        throw new AssertionError("server did not report its port in " + timeout + ":\n" + stderr);
    }

    /** Waits for the process to exit and returns its status. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not exit in " + timeout + ":\n" + stderr);
        }
        // Let the pumps drain what the process wrote before it exited.
        Thread.sleep(100);
        return process.exitValue();
    }

    List<String> stdoutLines() {
        return List.copyOf(lines);
    }

    String stderr() {
        return stderr.toString();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for a graceful exit. */
    int stop() throws InterruptedException {
        process.destroy();
        return await(Duration.ofSeconds(30));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void pump(java.io.InputStream in, java.util.function.Consumer<String> sink) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process ended; nothing more to read.
            }
        });
    }
}
