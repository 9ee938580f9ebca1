package io.gatehouse.server.permissionsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** Session durations and paging, over generated values. */
class PermissionSetProperties {
  @Property
  void aDurationIsAcceptedExactlyWhenItLiesBetweenOneAndTwelveHours(@ForAll @LongRange(min = -1_000, max = 50_000) long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    if (seconds >= 3_600 && seconds <= 43_200) {
      assertThat(SessionDurations.parse(d.toString())).isEqualTo(d);
      assertThat(SessionDurations.parse(SessionDurations.format(d))).isEqualTo(d);
    } else {
      assertThatThrownBy(() -> SessionDurations.parse(d.toString())).isInstanceOf(PermissionSetErrors.ValidationException.class);
    }
  }

  @Property
  void minutesAndSecondsSpellingsOfOneDurationAgree(@ForAll @IntRange(min = 60, max = 720) int minutes) {
    assertThat(SessionDurations.parse("PT" + minutes + "M")).isEqualTo(SessionDurations.parse("PT" + (minutes * 60) + "S"));
  }

  @Property
  void pagesOfASortedListConcatenateToTheList(
      @ForAll @Size(max = 40) @UniqueElements List<@StringLength(min = 1, max = 6) String> items,
      @ForAll @IntRange(min = 1, max = 10) int limit) {
    List<String> sorted = items.stream().sorted().toList();
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<String> page = Page.ofAll(sorted, token, limit, s -> s);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      seen.addAll(page.items());
      token = page.nextToken();
      pages++;
    } while (token != null && pages <= sorted.size() + 1);
    assertThat(seen).isEqualTo(sorted);
    assertThat(pages).isEqualTo(Math.max(1, (sorted.size() + limit - 1) / limit));
  }
}
