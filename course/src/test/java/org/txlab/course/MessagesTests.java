package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTests {
  /** A single quote starts a quoted section in MessageFormat and silently eats the text after. */
  private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

  @Test
  void everyMessageFormatsAndHasNoLoneQuote() throws Exception {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    }
    Object[] args = {1, 2, 3, 4, 5};
    for (String key : p.stringPropertyNames()) {
      assertThat(LONE_QUOTE.matcher(p.getProperty(key)).find()).as(key).isFalse();
      assertThat(Messages.get(key, args)).as(key).isNotBlank();
    }
  }
}
