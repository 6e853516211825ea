package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns candidate findings into a non-overlapping list sorted by start.
 *
 * <p>Candidates that overlap nothing are kept as they are. Within a cluster of overlapping candidates they are taken
 * greedily, best first: higher confidence, then the more specific type (checksummed
 * numbers before shapes: a Luhn-valid card beats a phone number of the same digits), then the longer span; a
 * candidate overlapping one already taken is dropped.
 */
final class Overlaps {
    private static final Comparator<Finding> BEST_FIRST = Comparator.comparingDouble(Finding::confidence)
            .reversed()
            .thenComparing(Comparator.comparingInt((Finding f) -> specificity(f.type()))
                    .reversed())
            .thenComparing(
                    Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
            .thenComparingInt(Finding::start);

    private Overlaps() {}

    static List<Finding> resolve(List<Finding> candidates) {
        if (candidates.size() <= 1) {
            return List.copyOf(candidates);
        }
        List<Finding> byStart = new ArrayList<>(candidates);
        byStart.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        List<Finding> resolved = new ArrayList<>(byStart.size());
        int i = 0;
        while (i < byStart.size()) {
            int clusterEnd = reach(byStart.get(i));
            int j = i + 1;
            while (j < byStart.size() && byStart.get(j).start() < clusterEnd) {
                clusterEnd = Math.max(clusterEnd, reach(byStart.get(j)));
                j++;
            }
            if (j == i + 1) {
                resolved.add(byStart.get(i));
            } else {
                resolved.addAll(bestOf(byStart.subList(i, j)));
            }
            i = j;
        }
        return List.copyOf(resolved);
    }

    /** Resolves one cluster of mutually reachable candidates, best first. */
    private static Collection<Finding> bestOf(List<Finding> cluster) {
        List<Finding> ordered = new ArrayList<>(cluster);
        ordered.sort(BEST_FIRST);
        TreeMap<Integer, Finding> taken = new TreeMap<>();
        for (Finding f : ordered) {
            if (!overlapsTaken(taken, f)) {
                taken.put(f.start(), f);
            }
        }
        return taken.values();
    }

    /** A zero-length finding still occupies its position. */
    private static int reach(Finding f) {
        return Math.max(f.end(), f.start() + 1);
    }

    private static boolean overlapsTaken(TreeMap<Integer, Finding> taken, Finding f) {
        Map.Entry<Integer, Finding> before = taken.floorEntry(f.start());
        if (before != null && before.getValue().end() > f.start()) {
            return true;
        }
        Map.Entry<Integer, Finding> after = taken.ceilingEntry(f.start());
        return after != null && after.getKey() < reach(f);
    }

    /** How much a match of this type says beyond its shape; checksums and prefixes say the most. */
    static int specificity(FindingType type) {
        return switch (type) {
            case SECRET -> 12;
            case CREDIT_CARD -> 11;
            case IBAN -> 10;
            case AADHAAR -> 9;
            case US_SSN -> 8;
            case INDIA_PAN -> 7;
            case EMAIL -> 6;
            case DANGEROUS_COMMAND -> 5;
            case SQL_INJECTION -> 4;
            case IP_ADDRESS -> 3;
            case DATE_OF_BIRTH -> 2;
            case PHONE -> 1;
        };
    }
}
