package dev.arbiter.core;

import com.google.re2j.Matcher;
import java.util.List;
import java.util.Locale;

/**
 * Shell commands an agent should never run: recursive deletion of the root or home directory, disk wipes
 * ({@code mkfs}, {@code dd of=/dev/sd*}), world-writable system directories, fork bombs, reverse shells,
 * piping a download into a shell, the cloud metadata endpoint, path traversal and reads of credential files.
 *
 * <p>{@link Finding#detail()} names the family: {@code destructive_fs}, {@code fork_bomb}, {@code reverse_shell},
 * {@code shell_download}, {@code cloud_metadata}, {@code path_traversal}, {@code credential_access}.
 */
final class ShellCommandDetector implements Detector {
    private static final String ROOT_DIRS = "(?:etc|usr|bin|sbin|boot|var|home|root|lib|lib64|opt|srv)";
    private static final String SHELL = "(?:/usr)?(?:/bin/)?(?:ba|z|da|k)?sh\\b";
    private static final List<CuePattern> PATTERNS = List.of(
            CuePattern.of(
                    Cue.RM,
                    "(rm((?:\\s+-{1,2}[A-Za-z-]+)+)\\s+(?:--\\s+)?(?:/\\*?|~/?|\\*|\\$HOME/?|\\.\\./?|/" + ROOT_DIRS
                            + "/?\\*?))(?:$|[\\s;&|)'\"`])",
                    "destructive_fs",
                    ShellCommandDetector::isRecursive),
            CuePattern.of(Cue.MKFS, "mkfs(?:\\.\\w+)?\\s+(?:-\\S+\\s+)*/dev/\\w+", "destructive_fs"),
            CuePattern.of(
                    Cue.DD, "dd\\s[^\\n]{0,200}?\\bof=/dev/(?:sd|hd|nvme|xvd|vd|mmcblk|disk)\\w*", "destructive_fs"),
            CuePattern.of(
                    Cue.CHMOD,
                    "(chmod\\s+(?:-[A-Za-z]+\\s+)*(?:0?777|a\\+rwx|ugo\\+rwx)\\s+/(?:" + ROOT_DIRS
                            + ")?/?)(?:$|[\\s;&|`])",
                    "destructive_fs"),
            CuePattern.of(Cue.FORK_BOMB, ":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:", "fork_bomb"),
            CuePattern.of(Cue.DEV_TCP, "/dev/tcp/[\\w.-]+/\\d+", "reverse_shell"),
            CuePattern.of(Cue.DEV_UDP, "/dev/udp/[\\w.-]+/\\d+", "reverse_shell"),
            CuePattern.of(Cue.NC, netcat("nc"), "reverse_shell"),
            CuePattern.of(Cue.NCAT, netcat("ncat"), "reverse_shell"),
            CuePattern.of(Cue.NETCAT, netcat("netcat"), "reverse_shell"),
            CuePattern.of(Cue.SOCAT, "(?i)socat\\s[^\\n]{0,200}?\\bexec:", "reverse_shell"),
            CuePattern.of(Cue.CURL, download("curl"), "shell_download"),
            CuePattern.of(Cue.WGET, download("wget"), "shell_download"),
            CuePattern.of(Cue.METADATA_IP, "169\\.254\\.169\\.254", "cloud_metadata"),
            CuePattern.of(Cue.METADATA_GOOGLE, "(?i)metadata\\.google\\.internal", "cloud_metadata"),
            CuePattern.of(Cue.DOT_DOT_SLASH, "(?:\\.\\./){2,}", "path_traversal"),
            CuePattern.of(Cue.DOT_DOT_BACKSLASH, "(?:\\.\\.\\\\){2,}", "path_traversal"),
            CuePattern.of(Cue.ENCODED_DOT_DOT, "(?i)(?:%2e%2e(?:%2f|%5c|/|\\\\)){2,}", "path_traversal"),
            CuePattern.of(Cue.ETC_PASSWD, "/etc/passwd", "path_traversal"),
            CuePattern.of(Cue.ETC_SHADOW, "/etc/shadow", "credential_access"),
            CuePattern.of(Cue.PROC_SELF, "/proc/self/(?:environ|cmdline|mem|maps|fd)", "credential_access"),
            CuePattern.of(Cue.SSH_DIR, "/\\.ssh/(?:id_[a-z0-9]+|authorized_keys)", "credential_access"),
            CuePattern.of(Cue.AWS_CREDENTIALS, "/\\.aws/credentials", "credential_access"));

    @Override
    public FindingType type() {
        return FindingType.DANGEROUS_COMMAND;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        CuePattern.findAll(text, PATTERNS, FindingType.DANGEROUS_COMMAND, 0.9, out);
    }

    /** {@code nc -e /bin/sh host port}, {@code nc host port | /bin/sh} and their ncat/netcat spellings. */
    private static String netcat(String name) {
        return name + "\\b[^\\n|;&]{0,120}?(?:\\s-[A-Za-z]*[ec]\\s*\\S*(?:sh|bash|cmd(?:\\.exe)?|powershell)\\b|\\|\\s*"
                + SHELL + ")";
    }

    /** {@code curl URL | sh}, {@code wget -O- URL | sudo bash}, {@code curl URL | python}. */
    private static String download(String name) {
        return name + "\\s[^\\n|;]{0,300}\\|\\s*(?:sudo\\s+)?(?:" + SHELL + "|python[23]?\\b)";
    }

    /** The flags (group 2) of an {@code rm} match must ask for recursion ({@code -r}, {@code -R}, {@code --recursive}). */
    private static boolean isRecursive(Matcher m) {
        for (String flag : m.group(2).strip().split("\\s+")) {
            if (flag.equals("--recursive")) {
                return true;
            }
            if (!flag.startsWith("--") && flag.toLowerCase(Locale.ROOT).indexOf('r') >= 0) {
                return true;
            }
        }
        return false;
    }
}
