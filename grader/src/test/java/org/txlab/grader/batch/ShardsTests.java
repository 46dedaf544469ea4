package org.txlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardsTests {
  @Test
  void aStudentsShardDependsOnlyOnTheIdAndTheCount() {
    // Fixed values: a change here would move students between shards of a running batch.
    assertThat(Shards.of("ada", 3)).isEqualTo(Shards.of("ada", 3));
    for (int n = 1; n <= 7; n++) {
      for (String s : new String[] {"ada", "ben", "Zoë", "student_123_456"}) {
        assertThat(Shards.of(s, n)).isBetween(1, n);
      }
    }
    assertThat(Shards.of("anyone", 1)).isOne();
  }

  @Test
  void spreadsAClassRoughlyEvenly() {
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      sizes.merge(Shards.of("student-" + i, 4), 1, Integer::sum);
    }
    assertThat(sizes).hasSize(4);
    sizes.values().forEach(n -> assertThat(n).isBetween(650, 850));
  }

  @Test
  void readsAndRefusesShardSpecs() {
    assertThat(Shards.Shard.parse("2/3")).isEqualTo(new Shards.Shard(2, 3));
    assertThat(Shards.Shard.parse(" 1/1 ").holds("anyone")).isTrue();
    for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/3/5"}) {
      assertThatThrownBy(() -> Shards.Shard.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--shard");
    }
  }
}
