package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpDetectorTest {
    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "10.0.0.1", "255.255.255.255", "2001:db8::1", "fe80::1ff:fe23:4567:890a"})
    void finds_validAddresses(String address) {
        String text = "blocked from " + address + ", retry";
        assertThat(Scans.found(FindingType.IP_ADDRESS, text)).containsExactly(address);
    }

    @Test
    void finds_addressBetweenPunctuation() {
        String text = "client_ip = ?%//!%20\\|106.31.73.20|%20/";
        assertThat(Scans.found(FindingType.IP_ADDRESS, text)).containsExactly("106.31.73.20");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "256.1.1.1", // octet out of range
                "1.2.3.4.5", // longer dotted number
                "01.02.03.04", // leading zeros
                "1.2.3", // three octets
                "v1.2.3.4", // inside a word
                "at 12:30:45", // a time
                "std::vector", // C++
                "loopback ::1", // one group only
                "00:1A:2B:3C:4D:5E" // a MAC address
            })
    void ignores_nearMisses(String text) {
        assertThat(Scans.found(FindingType.IP_ADDRESS, text)).isEmpty();
    }

    @Test
    void longHexAndColonRuns_areNotAddresses() {
        assertThat(Scans.found(FindingType.IP_ADDRESS, "ab:cd:".repeat(1000))).isEmpty();
    }
}
