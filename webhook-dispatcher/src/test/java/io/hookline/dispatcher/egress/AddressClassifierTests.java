package io.hookline.dispatcher.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressClassifierTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0          | in 'this network' (0.0.0.0/8)
            0.255.255.255    | in 'this network' (0.0.0.0/8)
            10.0.0.0         | private
            10.255.255.255   | private
            100.64.0.0       | carrier-grade NAT
            100.127.255.255  | carrier-grade NAT
            127.0.0.1        | loopback
            127.255.255.254  | loopback
            169.254.169.254  | link-local
            169.254.0.1      | link-local
            172.16.0.1       | private
            172.31.255.255   | private
            192.0.0.8        | an IETF protocol assignment (192.0.0.0/24)
            192.0.2.1        | documentation
            192.88.99.1      | reserved (6to4 relay anycast)
            192.168.0.1      | private
            192.168.255.255  | private
            198.18.0.1       | benchmarking
            198.19.255.255   | benchmarking
            198.51.100.7     | documentation
            203.0.113.9      | documentation
            224.0.0.1        | multicast
            239.255.255.250  | multicast
            240.0.0.1        | reserved
            255.255.255.254  | reserved
            255.255.255.255  | broadcast
            ::               | unspecified
            ::1              | loopback
            ::ffff:10.0.0.5  | IPv4-mapped
            ::ffff:8.8.8.8   | IPv4-mapped
            ::127.0.0.1      | IPv4-compatible
            ::a9fe:a9fe      | IPv4-compatible
            ::8.8.8.8        | IPv4-compatible
            64:ff9b::a00:1   | NAT64 of 10.0.0.1 (private)
            64:ff9b::7f00:1  | NAT64 of 127.0.0.1 (loopback)
            64:ff9b::a9fe:a9fe | NAT64 of 169.254.169.254 (link-local)
            64:ff9b:1::a00:1 | NAT64 local-use
            64:ff9b:1:ffff::1 | NAT64 local-use
            64:ff9b:0:1::1   | reserved (::/8)
            ::ffff:0:a00:1   | reserved (::/8)
            100::1           | discard-only
            2001::1          | Teredo
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo
            2001:2::1        | benchmarking
            2001:db8::1      | documentation
            3fff::1          | documentation
            2002:a00:1::1    | 6to4 of 10.0.0.1 (private)
            2002:a9fe:a9fe::1 | 6to4 of 169.254.169.254 (link-local)
            2002:7f00:1::    | 6to4 of 127.0.0.1 (loopback)
            fc00::1          | unique-local
            fd12:3456:789a::1 | unique-local
            fe80::1          | link-local
            febf:ffff::1     | link-local
            fec0::1          | site-local
            feff::1          | site-local
            ff02::1          | multicast
            ff0e::1          | multicast
            4000::1          | reserved (outside 2000::/3)
            e000::1          | reserved (outside 2000::/3)
            """)
    void refusesNonPublicAddresses(String literal, String kind) {
        assertThat(AddressClassifier.refusal(IpLiterals.bytes(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.215.14", "9.255.255.255", "11.0.0.0", "100.63.255.255",
            "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
            "172.32.0.0", "192.0.1.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
            "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001::200e", "2001:4860:4860::8888",
            "64:ff9b::5db8:d70e", "64:ff9b::808:808", "2002:5db8:d70e::1", "2001:1::1", "2001:db7:ffff::1",
            "3ffe:ffff::1"})
    void acceptsPublicAddresses(String literal) {
        assertThat(AddressClassifier.refusal(IpLiterals.bytes(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "::1", "64:ff9b::a00:1"})
    void judgesInetAddressesLikeTheirBytes(String literal) {
        Optional<String> refusal = AddressClassifier.refusal(IpLiterals.address(literal));

        assertThat(refusal).isEqualTo(AddressClassifier.refusal(IpLiterals.bytes(literal))).isPresent();
    }
}
