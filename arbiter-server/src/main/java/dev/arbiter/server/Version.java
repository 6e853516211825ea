package dev.arbiter.server;

import picocli.CommandLine;

/** The server's version, from the jar manifest (or {@code dev} when run from classes). */
public final class Version implements CommandLine.IVersionProvider {
    /** The version string. */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"arbiter " + current()};
    }
}
