package org.txlab.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.txlab.course.faults.FaultPlan;
import org.txlab.course.jdbc.CallScope;
import org.txlab.course.process.LineCodec;

/**
 * The submission JVM's main class: reads the judge's commands on stdin (see {@link Protocol}) and
 * answers on fd 1. Student code's {@code System.out} goes to fd 2.
 */
public final class Agent {
  private final Out out = new Out();
  private final List<Path> studentDirs = new ArrayList<>();
  private final Map<String, World> worlds = new ConcurrentHashMap<>();

  private Agent() {}

  /**
   * Runs the agent until {@code BYE} or the end of stdin.
   *
   * @param args none
   * @throws Exception if stdin cannot be read
   */
  public static void main(String[] args) throws Exception {
    Agent agent = new Agent();
    System.setOut(System.err);
    Thread watcher =
        new Thread(
            () -> {
              while (true) {
                agent.worlds.values().forEach(w -> w.controller.watch());
                CallController.pauseWatcher();
              }
            },
            "agent-watcher");
    watcher.setDaemon(true);
    watcher.start();
    preload();
    agent.out.send(Protocol.READY);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      List<String> fields = LineCodec.split(line);
      String id = fields.get(0);
      if (fields.size() > 1 && fields.get(1).equals("BYE")) {
        break;
      }
      try {
        List<String> reply = new ArrayList<>(List.of(id, Protocol.OK));
        reply.addAll(agent.handle(id, fields.get(1), fields.subList(2, fields.size())));
        agent.out.send(reply);
      } catch (Throwable t) {
        Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
        agent.out.send(id, Protocol.ERR, cause.getClass().getName() + ": " + cause.getMessage());
      }
    }
    if (agent.studentDirs.isEmpty()) {
      // No student code ever ran here (the class-data archive's warm-up): exit cleanly, which
      // also writes the archive.
      System.exit(0);
    }
    // Student threads may still run (a loop that ignores interrupts): end the JVM, not politely.
    Runtime.getRuntime().halt(0);
  }

  /**
   * Loads SQLite's driver and native library before saying ready: every test needs them, and this
   * way their cost overlaps with the judge's own work (compiling, setting up) instead of the first
   * test's.
   */
  private static void preload() {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
    } catch (java.sql.SQLException e) {
      // The first real world will say what is wrong.
    }
  }

  private List<String> handle(String id, String verb, List<String> a) throws Exception {
    switch (verb) {
      case "WARMUP" -> {
        Warmup.run(Path.of(a.get(0)));
        return List.of();
      }
      case "CLASSES" -> {
        a.forEach(p -> studentDirs.add(Path.of(p)));
        return List.of();
      }
      case "CELLS" -> {
        Path out = Path.of(a.get(1));
        List<String> failures = Cells.evaluate(Path.of(a.get(0)), out);
        studentDirs.add(out);
        return failures;
      }
      case "FIND" -> {
        return List.of(
            Finder.find(
                studentDirs,
                a.get(0),
                a.get(1),
                a.subList(2, a.size()),
                Agent.class.getClassLoader()));
      }
      case "WORLD" -> {
        if (!a.get(1).equals("jdbc")) {
          throw new IllegalArgumentException("unknown world kind " + a.get(1));
        }
        worlds.put(
            a.get(0),
            World.jdbc(a.get(0), urls(), Path.of(a.get(2)), Integer.parseInt(a.get(3)), out));
        return List.of();
      }
      case "SINK" -> {
        World w = world(a.get(0));
        w.sink = Externals.sink(a.get(1), w.controller);
        return List.of();
      }
      case "PAYMENTS" -> {
        World w = world(a.get(0));
        w.payments = Externals.payments(a.get(1), a.get(2), w.controller);
        return List.of();
      }
      case "LAND_LATE" -> {
        World w = world(a.get(0));
        return List.of(Integer.toString(w.payments == null ? 0 : w.payments.landLate()));
      }
      case "EXTERNALS" -> {
        World w = world(a.get(0));
        return List.of(Externals.records(w.sink, w.payments));
      }
      case "NEW" -> {
        World w = world(a.get(0));
        w.objects.put(a.get(1), construct(w, a.get(2)));
        return List.of();
      }
      case "CALL" -> {
        call(a.get(0), world(a.get(1)), a.get(2), a.get(3), a.get(4), a.get(5));
        return List.of();
      }
      case "RESUME" -> {
        worlds.values().forEach(w -> w.controller.resume(a.get(0)));
        return List.of();
      }
      case "RELEASED" -> {
        worlds.values().forEach(w -> w.controller.released(a.get(0)));
        return List.of();
      }
      case "CLOSE_LEAKED" -> {
        return List.of(Integer.toString(world(a.get(0)).source.closeLeaked()));
      }
      case "TXLOG_RUN" -> {
        return TxLogCommands.run(
            urls(), a.get(0), Integer.parseInt(a.get(1)), a.get(2), a.size() > 3 ? a.get(3) : "");
      }
      case "TXLOG_RECOVER" -> {
        return TxLogCommands.recover(
            urls(), a.get(0), Integer.parseInt(a.get(1)), a.subList(2, a.size()));
      }
      case "TXLOG_REAL" -> {
        return TxLogCommands.real(
            urls(),
            a.get(0),
            Path.of(a.get(1)),
            Integer.parseInt(a.get(2)),
            a.get(3),
            () -> out.send(id, Protocol.OK, Protocol.PARKED));
      }
      case "DROP" -> {
        World w = worlds.remove(a.get(0));
        if (w != null) {
          w.close();
        }
        return List.of();
      }
      default -> throw new IllegalArgumentException("unknown command " + verb);
    }
  }

  private World world(String id) {
    World w = worlds.get(id);
    if (w == null) {
      throw new IllegalArgumentException("no world " + id);
    }
    return w;
  }

  private List<URL> urls() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (Path p : studentDirs) {
      urls.add(p.toUri().toURL());
    }
    return urls;
  }

  /** Constructs a student class with a constructor whose parameters the world provides. */
  private static Object construct(World w, String className) throws Exception {
    Class<?> type = Class.forName(className, false, w.loader);
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      Object[] args = new Object[c.getParameterCount()];
      boolean fits = true;
      for (int i = 0; i < args.length; i++) {
        args[i] = w.provide(c.getParameterTypes()[i]);
        fits &= args[i] != null;
      }
      if (fits && args.length > 0) {
        c.setAccessible(true);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(w.loader);
        try (CallScope scope = w.source.call("new " + type.getSimpleName(), FaultPlan.NONE)) {
          return c.newInstance(args);
        } finally {
          Thread.currentThread().setContextClassLoader(previous);
        }
      }
    }
    throw new NoSuchMethodException(className + " has no constructor the exercise can call");
  }

  /** Starts a call on a thread of its own; its result is sent when it ends. */
  private void call(
      String id,
      World w,
      String objectAndMethod,
      String signature,
      String argsJson,
      String planJson)
      throws Exception {
    String[] om = objectAndMethod.split("#", 3);
    Object target = w.objects.get(om[0]);
    JsonObject plan = JsonParser.parseString(planJson).getAsJsonObject();
    List<String> types = new ArrayList<>();
    JsonArray sig = JsonParser.parseString(signature).getAsJsonArray();
    sig.forEach(t -> types.add(t.getAsString()));
    Values.Args args =
        Values.arguments(types, JsonParser.parseString(argsJson).getAsJsonArray(), w.loader);
    Class<?> api = Class.forName(om[1], false, w.loader);
    Method method = api.getMethod(om[2], args.types());
    String park = plan.get("park").getAsString();
    FaultPlan faults =
        new FaultPlan(
            plan.get("failAt").getAsInt(),
            plan.get("pauseBefore").getAsInt(),
            park.startsWith("write:") ? Integer.parseInt(park.substring(6)) : 0);
    boolean parkAfterReturn = park.equals("after-return");
    boolean cleanup = plan.get("cleanup").getAsBoolean();
    CallController.Running running =
        new CallController.Running(
            id, plan.get("heldByJudge").getAsBoolean(), plan.get("watch").getAsBoolean());
    Thread thread =
        new Thread(
            () -> {
              Thread.currentThread().setContextClassLoader(w.loader);
              long start = System.nanoTime();
              JsonObject result = new JsonObject();
              CallScope scope = w.source.call(id, faults);
              w.controller.started(scope, running);
              try {
                Object value = method.invoke(target, args.values());
                result.addProperty("outcome", "returned");
                result.add("value", Values.value(value, 0));
              } catch (InvocationTargetException e) {
                result.addProperty("outcome", "threw");
                result.add("error", Values.error(e.getCause()));
              } catch (Throwable e) {
                result.addProperty("outcome", "threw");
                result.add("error", Values.error(e));
              } finally {
                scope.close();
                w.controller.finished(scope, running);
              }
              result.addProperty("ms", (System.nanoTime() - start) / 1_000_000);
              result.add("statements", Values.statements(scope.statements()));
              result.addProperty("opened", scope.connectionsOpened().size());
              result.addProperty("leftOpen", scope.connectionsLeftOpen());
              if (cleanup) {
                // What one call left open is closed before the judge looks, so that a leak costs
                // points in its own test and not in every later one.
                w.source.closeLeakedBy(scope);
              }
              running.end(out, result.toString());
              if (parkAfterReturn) {
                while (true) {
                  LockSupport.park();
                }
              }
            },
            "call-" + id);
    running.thread = thread;
    thread.setDaemon(true);
    thread.start();
  }
}
