package dev.arbiter.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The password of the embedded H2 database, kept in {@code <dataDir>/h2.password} (owner-only where the
 * file system has POSIX permissions). It guards H2's automatic mixed mode, which lets a second process
 * (the CLI while the server runs) reach the database over a local TCP port. Whoever can read the file can
 * read the database files beside it anyway. Stateless.
 */
final class EmbeddedSecret {
    static final String FILE = "h2.password";

    private EmbeddedSecret() {}

    static String password(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file, dataDir);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new StoreException("embedded database password file " + file + " is empty");
            }
            return password;
        } catch (IOException e) {
            throw new StoreException("cannot prepare data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve("arbiter.mv.db"))) {
            throw new StoreException("embedded database in " + dataDir + " exists but its password file " + FILE
                    + " is missing; restore the file or move the database away");
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        // Written to a private temporary file, then linked into place: the link either appears complete or
        // fails because another process won the race, so nobody ever reads a half-written password.
        Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(
                        dataDir,
                        FILE,
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dataDir, FILE, ".tmp");
        try {
            Files.writeString(tmp, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use theirs.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
