package dev.arbiter.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one journal record as it is encoded, big-endian like {@link java.io.DataOutputStream}, in one
 * array that grows as needed and is reused for every record. The writer encodes a record per batch; a stream
 * and a fresh array per record (and per string) allocated 66 KB per gate, a fifth of what the server
 * allocated under B1 (docs/benchmarks.md, B1 session 6). Not thread-safe: the writer thread owns it.
 */
final class JournalBuffer {
    private static final int INITIAL_CAPACITY = 16 * 1024;
    /** A batch of large bodies may grow the buffer to many megabytes; beyond this it is not kept. */
    private static final int MAX_KEPT_CAPACITY = 1024 * 1024;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;

    /** Empties the buffer, keeping its capacity unless an unusually large record grew it. */
    void clear() {
        size = 0;
        if (bytes.length > MAX_KEPT_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }

    int size() {
        return size;
    }

    /** The bytes from {@code from} up to {@link #size}, valid until the next write. */
    ByteBuffer view(int from) {
        return ByteBuffer.wrap(bytes, from, size - from);
    }

    byte[] array() {
        return bytes;
    }

    /** Leaves {@code count} bytes to be filled in later with {@link #putIntAt}; returns where they start. */
    int skip(int count) {
        ensure(count);
        int at = size;
        size += count;
        return at;
    }

    void putByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void putBoolean(boolean v) {
        putByte(v ? 1 : 0);
    }

    void putShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        putIntAt(size, v);
        size += 4;
    }

    void putIntAt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    void putDouble(double v) {
        putLong(Double.doubleToLongBits(v));
    }

    void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /**
     * The string's UTF-8 length, then its UTF-8 bytes. ASCII (SQL, setter and type names, ids) is copied
     * char by char without an intermediate array; any other string is encoded by the JDK.
     */
    void putString(String s) {
        int length = s.length();
        ensure(4 + length);
        int start = size + 4;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                put(utf8);
                return;
            }
            bytes[start + i] = (byte) c;
        }
        putIntAt(size, length);
        size = start + length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
