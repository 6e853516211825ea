package dev.arbiter.bench;

import dev.arbiter.core.Decision;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Policy-count scaling (benchmarks.md B2): one compiled {@link PolicySet} of N policies in one of three
 * shapes, evaluated against a context that matches the last policy and one that matches none. Run with
 * {@code -prof gc} for allocations per operation; {@link HashMapFloorBenchmark} is the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicyEvaluationBenchmark {
    @Param({"1", "100", "1000", "10000"})
    public int policies;

    @Param({"indexable", "contains_regex", "cel"})
    public String shape;

    private PolicySet set;
    private PolicyContext matchingLast;
    private PolicyContext matchingNone;

    @Setup
    public void setUp() {
        PolicyShapes policyShape = PolicyShapes.valueOf(shape.toUpperCase(Locale.ROOT));
        List<Policy> parsed = new ArrayList<>(policies);
        for (int i = 0; i < policies; i++) {
            parsed.add(PolicyParser.parse(policyShape.policy(i)));
        }
        set = PolicySet.compile(parsed);
        matchingLast = PolicyContext.of(PolicyShapes.contextMatching(policies - 1));
        matchingNone = PolicyContext.of(PolicyShapes.contextMatchingNone());
        Decision check = set.evaluate(matchingLast);
        if (check.matches().size() != 1) {
            throw new IllegalStateException("expected exactly one match, got " + check.matches());
        }
    }

    @Benchmark
    public Decision matchLast() {
        return set.evaluate(matchingLast);
    }

    @Benchmark
    public Decision matchNone() {
        return set.evaluate(matchingNone);
    }
}
