package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class QueryXmlEscapeTest {

  private static String escaped(String s) {
    StringBuilder sb = new StringBuilder("<x>");
    QueryXml.escape(sb, s);
    return sb.substring(3);
  }

  @Test
  void textWithoutMarkupIsCopiedAsItIs() {
    assertThat(escaped("")).isEmpty();
    assertThat(escaped("arn:aws:iam::111122223333:role/a-b_c+=,.@")).isEqualTo("arn:aws:iam::111122223333:role/a-b_c+=,.@");
    assertThat(escaped("café ünïcode \u007F 日本")).isEqualTo("café ünïcode \u007F 日本");
  }

  @Test
  void markupAndQuotesAreEscapedWhereverTheyStand() {
    assertThat(escaped("&")).isEqualTo("&amp;");
    assertThat(escaped("a<b>c")).isEqualTo("a&lt;b&gt;c");
    assertThat(escaped("\"q\"")).isEqualTo("&quot;q&quot;");
    assertThat(escaped("'single' stays")).isEqualTo("'single' stays");
    assertThat(escaped("<<&&>>")).isEqualTo("&lt;&lt;&amp;&amp;&gt;&gt;");
    assertThat(escaped("x&")).isEqualTo("x&amp;");
  }

  @Test
  void lineBreaksTabsAndControlCharacters() {
    assertThat(escaped("a\r\nb\tc")).isEqualTo("a&#xD;\nb\tc");
    assertThat(escaped("\u0000x\u0001\u001F")).isEqualTo("\uFFFDx\uFFFD\uFFFD");
    assertThat(escaped("a\uFFFEb\uFFFF")).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void surrogatePairsStayAndLoneSurrogatesAreReplaced() {
    String emoji = "\uD83D\uDE00"; // U+1F600
    assertThat(escaped("a" + emoji + "b")).isEqualTo("a" + emoji + "b");
    assertThat(escaped(emoji)).isEqualTo(emoji);
    assertThat(escaped("a\uD83Db")).isEqualTo("a\uFFFDb"); // high without low
    assertThat(escaped("a\uDE00b")).isEqualTo("a\uFFFDb"); // low without high
    assertThat(escaped("\uD83D")).isEqualTo("\uFFFD"); // high at the very end
    assertThat(escaped("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD"); // reversed pair
    assertThat(escaped("\uD83D\uD83D\uDE00")).isEqualTo("\uFFFD" + emoji);
  }

  @Property(tries = 500)
  void agreesWithCharacterByCharacterEscaping(@ForAll @StringLength(max = 40)
      @CharRange(from = '\u0000', to = '\u00FF') @CharRange(from = '\uD7F0', to = '\uE010')
      @CharRange(from = '\uFFF0', to = '\uFFFF') String s) {
    assertThat(escaped(s)).isEqualTo(reference(s));
  }

  /** The escaping as it was written first, one character at a time: the meaning the fast path must keep. */
  private static String reference(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\r' -> sb.append("&#xD;");
        case '\n', '\t' -> sb.append(c);
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
