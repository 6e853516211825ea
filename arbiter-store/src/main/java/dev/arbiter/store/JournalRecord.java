package dev.arbiter.store;

import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One committed batch of the writer as the {@link Journal} keeps it: its sequence number, the next value of
 * every identity column when it began (so that a replay hands out the same ids), and what its connection did.
 * {@link #encode} and {@link #decode} are exact inverses; a value of a type the journal cannot write is
 * refused when the batch is recorded, so it fails loudly instead of at replay.
 */
record JournalRecord(long seq, Map<String, Long> identityBases, List<JournalOp> ops) {
    /** Format 2 names common setters by a code ({@link JournalSetters}); format 1 spelled every one out. */
    private static final int FORMAT = 2;

    private static final int FORMAT_NAMED_SETTERS = 1;

    JournalRecord {
        identityBases = Map.copyOf(identityBases);
        ops = List.copyOf(ops);
    }

    /** The record's bytes, as {@link #encodeTo} writes them. */
    byte[] encode() {
        JournalBuffer buffer = new JournalBuffer();
        encodeTo(buffer);
        return Arrays.copyOf(buffer.array(), buffer.size());
    }

    /** Appends the record's bytes to {@code out}. */
    void encodeTo(JournalBuffer out) {
        out.putByte(FORMAT);
        out.putLong(seq);
        out.putInt(identityBases.size());
        for (Map.Entry<String, Long> e : identityBases.entrySet()) {
            out.putString(e.getKey());
            out.putLong(e.getValue());
        }
        out.putInt(ops.size());
        for (JournalOp op : ops) {
            writeOp(out, op);
        }
    }

    static JournalRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        int format = in.readUnsignedByte();
        if (format != FORMAT && format != FORMAT_NAMED_SETTERS) {
            throw new IOException("unknown journal record format " + format);
        }
        long seq = in.readLong();
        int identities = in.readInt();
        Map<String, Long> bases = new LinkedHashMap<>();
        for (int i = 0; i < identities; i++) {
            bases.put(readString(in), in.readLong());
        }
        int count = in.readInt();
        List<JournalOp> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ops.add(readOp(in, format));
        }
        return new JournalRecord(seq, bases, ops);
    }

    private static void writeOp(JournalBuffer out, JournalOp op) {
        switch (op) {
            case JournalOp.Execute e -> {
                out.putByte(e.succeeded() ? 1 : 2);
                out.putString(e.sql());
                out.putInt(e.parameters().size());
                for (JournalParameter p : e.parameters()) {
                    int code = JournalSetters.code(p);
                    out.putByte(code);
                    if (code == JournalSetters.NAMED) {
                        writeNamed(out, p);
                    } else {
                        for (Object arg : p.args()) {
                            writeValue(out, arg);
                        }
                    }
                }
            }
            case JournalOp.Savepoint s -> {
                out.putByte(3);
                out.putString(s.name());
            }
            case JournalOp.RollbackTo r -> {
                out.putByte(4);
                out.putString(r.name());
            }
            case JournalOp.Release r -> {
                out.putByte(5);
                out.putString(r.name());
            }
        }
    }

    /** A setter spelled out: its name, arity, and each parameter's type name and value. */
    private static void writeNamed(JournalBuffer out, JournalParameter p) {
        out.putString(p.setter());
        out.putByte(p.types().size());
        for (int i = 0; i < p.types().size(); i++) {
            out.putString(p.types().get(i).getName());
            writeValue(out, p.args()[i]);
        }
    }

    private static JournalParameter readNamed(DataInputStream in) throws IOException {
        String setter = readString(in);
        int arity = in.readUnsignedByte();
        List<Class<?>> types = new ArrayList<>(arity);
        Object[] args = new Object[arity];
        for (int a = 0; a < arity; a++) {
            types.add(type(readString(in)));
            args[a] = readValue(in);
        }
        return new JournalParameter(setter, types, args);
    }

    private static JournalParameter readCoded(DataInputStream in, int code) throws IOException {
        JournalSetters.Signature signature;
        try {
            signature = JournalSetters.signature(code);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Object[] args = {readValue(in), readValue(in)};
        return new JournalParameter(signature.setter(), signature.types(), args);
    }

    private static JournalOp readOp(DataInputStream in, int format) throws IOException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 1, 2 -> {
                String sql = readString(in);
                int n = in.readInt();
                List<JournalParameter> parameters = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    if (format == FORMAT_NAMED_SETTERS) {
                        parameters.add(readNamed(in));
                    } else {
                        int code = in.readUnsignedByte();
                        parameters.add(code == JournalSetters.NAMED ? readNamed(in) : readCoded(in, code));
                    }
                }
                yield new JournalOp.Execute(sql, parameters, kind == 1);
            }
            case 3 -> new JournalOp.Savepoint(readString(in));
            case 4 -> new JournalOp.RollbackTo(readString(in));
            case 5 -> new JournalOp.Release(readString(in));
            default -> throw new IOException("unknown journal operation " + kind);
        };
    }

    /** Fails with an {@link IllegalArgumentException} for a value the journal cannot keep. */
    static void checkWritable(@Nullable Object value) {
        if (value != null && tag(value) < 0) {
            throw new IllegalArgumentException("the journal cannot record a statement parameter of type "
                    + value.getClass().getName());
        }
    }

    private static int tag(Object value) {
        return switch (value) {
            case String s -> 1;
            case Integer i -> 2;
            case Long l -> 3;
            case Boolean b -> 4;
            case BigDecimal d -> 5;
            case Timestamp t -> 6;
            case OffsetDateTime t -> 7;
            case UUID u -> 8;
            case byte[] b -> 9;
            case Double d -> 10;
            case Short s -> 11;
            case Instant i -> 12;
            default -> -1;
        };
    }

    private static void writeValue(JournalBuffer out, @Nullable Object value) {
        if (value == null) {
            out.putByte(0);
            return;
        }
        int tag = tag(value);
        out.putByte(tag);
        switch (value) {
            case String s -> out.putString(s);
            case Integer i -> out.putInt(i);
            case Long l -> out.putLong(l);
            case Boolean b -> out.putBoolean(b);
            case BigDecimal d -> out.putString(d.toString());
            case Timestamp t -> {
                out.putLong(t.getTime());
                out.putInt(t.getNanos());
            }
            case OffsetDateTime t -> {
                out.putLong(t.toEpochSecond());
                out.putInt(t.getNano());
                out.putInt(t.getOffset().getTotalSeconds());
            }
            case UUID u -> {
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case byte[] b -> {
                out.putInt(b.length);
                out.put(b);
            }
            case Double d -> out.putDouble(d);
            case Short s -> out.putShort(s);
            case Instant i -> {
                out.putLong(i.getEpochSecond());
                out.putInt(i.getNano());
            }
            default -> throw new IllegalArgumentException("unwritable journal value " + value.getClass());
        }
    }

    private static @Nullable Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> readString(in);
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readBoolean();
            case 5 -> new BigDecimal(readString(in));
            case 6 -> {
                Timestamp t = new Timestamp(in.readLong());
                t.setNanos(in.readInt());
                yield t;
            }
            case 7 -> {
                long seconds = in.readLong();
                int nanos = in.readInt();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
            }
            case 8 -> new UUID(in.readLong(), in.readLong());
            case 9 -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield b;
            }
            case 10 -> in.readDouble();
            case 11 -> in.readShort();
            case 12 -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            default -> throw new IOException("unknown journal value type " + tag);
        };
    }

    private static Class<?> type(String name) throws IOException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "double" -> double.class;
            case "short" -> short.class;
            case "float" -> float.class;
            case "byte" -> byte.class;
            default -> {
                try {
                    yield Class.forName(name, false, JournalRecord.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IOException("journal names an unknown parameter type " + name, e);
                }
            }
        };
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("journal string of " + length + " bytes overruns its record");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
