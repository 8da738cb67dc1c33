package io.hookline.dispatcher.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTests {

    @Test
    void containsTheAddressesOfItsPrefixOnly() {
        Cidr network = Cidr.parse("172.16.0.0/12");

        assertThat(network.contains(IpLiterals.address("172.16.0.0"))).isTrue();
        assertThat(network.contains(IpLiterals.address("172.31.255.255"))).isTrue();
        assertThat(network.contains(IpLiterals.address("172.32.0.0"))).isFalse();
        assertThat(network.contains(IpLiterals.address("172.15.255.255"))).isFalse();
    }

    @Test
    void aBareAddressIsASingleAddressNetwork() {
        Cidr single = Cidr.parse("127.0.0.1");

        assertThat(single).isEqualTo(Cidr.parse("127.0.0.1/32"));
        assertThat(single.contains(IpLiterals.address("127.0.0.1"))).isTrue();
        assertThat(single.contains(IpLiterals.address("127.0.0.2"))).isFalse();
    }

    @Test
    void neverMatchesAcrossFamilies() {
        assertThat(Cidr.parse("::/0").contains(IpLiterals.address("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiterals.address("::1"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(IpLiterals.address("fd12::1"))).isTrue();
    }

    @Test
    void normalisesTheHostBits() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3/8").contains(IpLiterals.address("10.200.0.1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com/8", "10.0.0.0/33", "10.0.0.0/-1", "::/129", "10.0.0.0/x", "10.0.0/8",
            "10.0.0.0/"})
    void refusesWhatIsNotACidr(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text));
    }
}
