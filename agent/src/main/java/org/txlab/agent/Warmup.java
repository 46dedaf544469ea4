package org.txlab.agent;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.txlab.course.Shop;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.jdbc.Controller;
import org.txlab.course.jdbc.InstrumentedSource;
import org.txlab.course.process.LineCodec;
import org.txlab.kernel.engine.Engine;
import org.txlab.kernel.engine.EngineConfig;
import org.txlab.placeorder.Order;

/**
 * What a grading JVM typically does, run once without student code so that the class-data archive
 * holds the classes every submission JVM needs: the JDBC proxy and SQLite, the result encoding, the
 * protocol codec, and the kernel's engine for notebook cells.
 */
final class Warmup {
  private Warmup() {}

  static void run(Path dir) throws Exception {
    Path db = Files.createDirectories(dir.resolve("warmup")).resolve("shop.db");
    Shop.create(db);
    InstrumentedSource source = new InstrumentedSource(Shop.source(db, 100), Controller.NONE);
    for (FaultPlan plan : List.of(FaultPlan.NONE, FaultPlan.failing(3))) {
      try (CallScope call = source.call("warm-up", plan);
          Connection c = source.open();
          Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        s.executeQuery("SELECT stock FROM products WHERE id = 1").close();
        s.executeUpdate("UPDATE products SET stock = stock - 1 WHERE id = 1");
        s.executeUpdate("INSERT INTO orders (user_id, product_id, quantity) VALUES (1, 1, 1)");
        s.execute("COMMIT");
        Values.statements(call.statements()).toString();
      } catch (SQLException expected) {
        Values.error(expected).toString();
      }
    }
    Values.value(new Order(1, 2, 3, 4), 0).toString();
    LineCodec.split(LineCodec.join("a\tb", "c\\d"));
    JsonParser.parseString("{\"failAt\": 0, \"args\": [1, \"x\"]}");
    try (Engine engine = Engine.create(EngineConfig.defaults())) {
      engine.eval("class Warm { int x() { return 1; } }");
      engine.eval("new Warm().x()");
      engine.cellClasses();
    }
  }
}
