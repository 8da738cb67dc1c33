package io.hookline.dispatcher.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTests {

    @Test
    void refusesWhatTheClassifierRefusesByDefault() {
        AddressPolicy policy = new AddressPolicy(false, List.of());

        assertThat(policy.refusal(IpLiterals.address("10.0.0.5"))).contains("private");
        assertThat(policy.refusal(IpLiterals.address("93.184.215.14"))).isEmpty();
        assertThat(policy.allowsEverything()).isFalse();
    }

    @Test
    void allowsAllowListedNetworksAndNothingElse() {
        AddressPolicy policy = new AddressPolicy(false, List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.20.0.0/16")));

        assertThat(policy.refusal(IpLiterals.address("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(IpLiterals.address("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(IpLiterals.address("127.0.0.2"))).contains("loopback");
        assertThat(policy.refusal(IpLiterals.address("10.21.0.1"))).contains("private");
        assertThat(policy.refusal(IpLiterals.address("169.254.169.254"))).contains("link-local");
    }

    @Test
    void trustsExactlyTheConfiguredHostsAndPorts() {
        AddressPolicy policy = new AddressPolicy(false, List.of(),
                java.util.Set.of("Notification-Receiver:8082", "[::1]:9000", "127.0.0.1:80"));

        assertThat(policy.trusts("notification-receiver", 8082)).isTrue();
        assertThat(policy.trusts("notification-receiver", 8083)).isFalse();
        assertThat(policy.trusts("postgres", 5432)).isFalse();
        assertThat(policy.trusts("0:0:0:0:0:0:0:1", 9000)).isTrue();
        assertThat(policy.trusts("127.0.0.1", 80)).isTrue();
        assertThat(policy.trusts("127.0.0.1", 8080)).isFalse();
        assertThat(new AddressPolicy(false, List.of()).trusts("localhost", 80)).isFalse();
    }

    @Test
    void allowsEverythingWhenPrivateTargetsAreAllowed() {
        AddressPolicy policy = new AddressPolicy(true, List.of());

        assertThat(policy.refusal(IpLiterals.address("169.254.169.254"))).isEmpty();
        assertThat(policy.refusal(IpLiterals.address("::1"))).isEmpty();
        assertThat(policy.allowsEverything()).isTrue();
    }
}
