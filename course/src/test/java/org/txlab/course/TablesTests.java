package org.txlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.txlab.placeorder.Order;

class TablesTests {

  @Test
  void rendersRecordsAsAlignedText() {
    String text = Tables.text(List.of(new Order(1, 42, 3, 1), new Order(10, 7, 1, 12)));

    assertThat(text)
        .isEqualTo(
            """
            id | userId | productId | quantity
            ---+--------+-----------+---------
            1  | 42     | 3         | 1
            10 | 7      | 1         | 12
            (2 rows)""");
  }

  @Test
  void rendersAResultSetAsEscapedHtml(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("shop.db");
    Shop.create(db);
    try (Connection c = Shop.source(db).open();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT name, stock, NULL AS note FROM products")) {
      String html = Tables.html(rs);

      assertThat(html)
          .contains("<th>name</th><th>stock</th><th>note</th>")
          .contains("<tr><td>Keyboard</td><td>10</td><td>NULL</td></tr>")
          .contains("3 rows");
    }
    assertThat(Tables.html(List.of(new Shop.Product(1, "<b>&", 1, 1))))
        .contains("<td>&lt;b&gt;&amp;</td>");
  }
}
