package dev.arbiter.bench;

import java.util.HashMap;
import java.util.Map;
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
 * The floor for {@link PolicyEvaluationBenchmark}: looking the matching rule up in a {@link HashMap} keyed
 * by tool name, the least any policy engine could do for the indexable shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class HashMapFloorBenchmark {
    @Param({"1", "100", "1000", "10000"})
    public int policies;

    private Map<String, String> rules;
    private String key;

    @Setup
    public void setUp() {
        rules = new HashMap<>();
        for (int i = 0; i < policies; i++) {
            rules.put("tool_" + i, "p-" + i);
        }
        key = new String("tool_" + (policies - 1)); // A fresh string, so its hash is computed as a context's would be.
    }

    @Benchmark
    public String lookup() {
        return rules.get(key);
    }
}
