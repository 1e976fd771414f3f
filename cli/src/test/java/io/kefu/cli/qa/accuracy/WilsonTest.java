package io.kefu.cli.qa.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
    @Test
    void matchesTheTabulatedIntervals() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3: 0/10 -> 0.0000-0.2775, 81/263 -> 0.2553-0.3662
        assertThat(Wilson.of(0, 10).low()).isEqualTo(0.0);
        assertThat(Wilson.of(0, 10).high()).isCloseTo(0.2775, within(5e-5));
        assertThat(Wilson.of(81, 263).low()).isCloseTo(0.2553, within(5e-5));
        assertThat(Wilson.of(81, 263).high()).isCloseTo(0.3662, within(5e-5));
        // a fresh test half: 58 of 70 statuses is 72-90%, not "83%"
        assertThat(Wilson.of(58, 70).low()).isCloseTo(0.7238, within(5e-5));
        assertThat(Wilson.of(58, 70).high()).isCloseTo(0.8991, within(5e-5));
    }

    @Test
    void staysInsideZeroToOneAtTheEdges() {
        Wilson all = Wilson.of(10, 10);
        assertThat(all.high()).isLessThanOrEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.7225, within(5e-5));
    }

    @Test
    void refusesCountsThatAreNotAProportion() {
        assertThatThrownBy(() -> Wilson.of(3, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k=3");
        assertThatThrownBy(() -> Wilson.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Agreement.EMPTY.interval()).isNull();
    }
}
