package org.sacrum.webhooks.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.*;

class TargetRuleTest {
    private static final TargetRule NONE = new TargetRule("");

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no DNS
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "::ffff:169.254.169.254", "::7f00:1"})
    void internalAddressesAreRefused(String literal) throws UnknownHostException {
        assertTrue(NONE.refusal(ip(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertTrue(NONE.refusal(ip(literal)).isEmpty(), literal);
    }

    @Test
    void theAllowListNamesAddressesRangesAndHosts() throws UnknownHostException {
        TargetRule rule = new TargetRule(" 127.0.0.1, 10.1.0.0/16 ,hooks.internal");
        assertTrue(rule.refusal(ip("127.0.0.1")).isEmpty());
        assertTrue(rule.refusal(ip("127.0.0.2")).isPresent());
        assertTrue(rule.refusal(ip("10.1.200.3")).isEmpty());
        assertTrue(rule.refusal(ip("10.2.0.1")).isPresent());
        assertTrue(rule.refusal(URI.create("https://hooks.internal/x"), h -> {
            throw new AssertionError("an allowed host name is not resolved");
        }).isEmpty());
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        TargetRule.Resolver rebinding = h -> new InetAddress[]{ip("93.184.216.34"), ip("127.0.0.1")};
        assertTrue(NONE.refusal(URI.create("https://example.org/hook"), rebinding).isPresent());
        TargetRule.Resolver fine = h -> new InetAddress[]{ip("93.184.216.34")};
        assertTrue(NONE.refusal(URI.create("https://example.org/hook"), fine).isEmpty());
        TargetRule.Resolver unknown = h -> {
            throw new UnknownHostException(h);
        };
        assertTrue(NONE.refusal(URI.create("https://nowhere.invalid/hook"), unknown).isPresent());
        assertTrue(NONE.refusal(URI.create("https://[::1]/hook"), InetAddress::getAllByName).isPresent());
    }
}
