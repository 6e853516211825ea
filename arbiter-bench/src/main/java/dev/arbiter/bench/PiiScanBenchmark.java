package dev.arbiter.bench;

import dev.arbiter.core.ContentScanner;
import dev.arbiter.core.Finding;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII scan throughput (benchmarks.md B4): the full detector set over mixed text of 1 KB, 64 KB and 1 MB and
 * over two adversarial 1 MB inputs, with one {@code indexOf} pass over the same input as the floor.
 * Throughput in MB/s is the input size divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class PiiScanBenchmark {
    @Param({"mixed_1k", "mixed_64k", "mixed_1m", "digits_1m", "at_sign_1m"})
    public String input;

    private String text;
    private ContentScanner scanner;

    @Setup
    public void setUp() {
        text = switch (input) {
            case "mixed_1k" -> PiiCorpus.mixed(1024);
            case "mixed_64k" -> PiiCorpus.mixed(64 * 1024);
            case "mixed_1m" -> PiiCorpus.mixed(1024 * 1024);
            case "digits_1m" -> PiiCorpus.digits(1024 * 1024);
            case "at_sign_1m" -> PiiCorpus.oneAtSign(1024 * 1024);
            default -> throw new IllegalArgumentException(input);
        };
        scanner = ContentScanner.defaults();
    }

    @Benchmark
    public List<Finding> scan() {
        return scanner.scan(text);
    }

    /** The floor: one pass over the same characters looking for a character that is not there. */
    @Benchmark
    public int floor_indexOf() {
        return text.indexOf('\u0001');
    }
}
