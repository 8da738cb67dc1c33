package io.hookline.orders.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {

    @Test
    void aClientReachesOnlyItsOwnOrdersAndNotThoseWithoutAClient() {
        Caller alice = new Caller("cli_alice", "key_1", Set.of(Scope.READ));

        assertThat(alice.canAccess("cli_alice")).isTrue();
        assertThat(alice.canAccess("cli_bob")).isFalse();
        assertThat(alice.canAccess(null)).isFalse();
        assertThat(alice.visibleClient()).isEqualTo("cli_alice");
        assertThat(alice.idempotencyOwner()).isEqualTo("cli_alice");
    }

    @Test
    void adminHasEveryScopeAndReachesEveryOrder() {
        Caller admin = Caller.admin();

        assertThat(admin.has(Scope.READ)).isTrue();
        assertThat(admin.has(Scope.WRITE)).isTrue();
        assertThat(admin.canAccess("cli_bob")).isTrue();
        assertThat(admin.canAccess(null)).isTrue();
        assertThat(admin.visibleClient()).isNull();
        assertThat(admin.idempotencyOwner()).isEqualTo(Caller.ADMIN_OWNER);
    }

    @Test
    void aScopeIsNotImpliedByAnotherButAdmin() {
        Caller reader = new Caller("cli_a", "key_1", Set.of(Scope.READ));

        assertThat(reader.has(Scope.WRITE)).isFalse();
        assertThat(reader.has(Scope.ADMIN)).isFalse();
    }

    @Test
    void scopesRoundTripThroughTheirStoredForm() {
        assertThat(Scope.format(EnumSet.of(Scope.WRITE, Scope.READ))).isEqualTo("read write");
        assertThat(Scope.parseAll(" read  write ")).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.parseAll("read root"));
    }
}
