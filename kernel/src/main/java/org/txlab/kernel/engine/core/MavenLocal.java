package org.txlab.kernel.engine.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code %maven g:a:v}: finds jars in the local Maven repository, offline.
 *
 * <p>Resolves the artifact and, transitively, its compile and runtime dependencies as declared in
 * the {@code .pom} files (versions from the pom, its properties, its parents' properties and {@code
 * dependencyManagement}; BOM imports and version ranges are not followed). Dependencies that are
 * not in the repository are reported on stderr and skipped.
 */
final class MavenLocal {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final Path repository;
  private final CellSink sink;
  private final Set<String> visited = new LinkedHashSet<>();

  MavenLocal(Path repository, CellSink sink) {
    this.repository = repository;
    this.sink = sink;
  }

  List<Path> resolve(String args) throws Magics.MagicException {
    List<Path> jars = new ArrayList<>();
    for (String coordinate : args.strip().split("\\s+")) {
      if (coordinate.isEmpty()) {
        continue;
      }
      String[] p = coordinate.split(":");
      if (p.length < 3) {
        throw new Magics.MagicException(
            "MAVEN", "expected groupId:artifactId:version, got '" + coordinate + "'");
      }
      String version = p[p.length - 1];
      Path jar = jar(p[0], p[1], version);
      if (!Files.isRegularFile(jar)) {
        throw new Magics.MagicException(
            "MAVEN",
            coordinate
                + " is not in the local repository ("
                + jar
                + "); with network, run"
                + " mvn dependency:get -Dartifact="
                + coordinate
                + " and retry");
      }
      add(p[0], p[1], version, jars, true);
    }
    if (jars.isEmpty()) {
      throw new Magics.MagicException("MAVEN", "%maven needs coordinates, such as g:a:1.0");
    }
    return jars;
  }

  private void add(String g, String a, String v, List<Path> jars, boolean direct) {
    if (!visited.add(g + ":" + a)) {
      return;
    }
    Path jar = jar(g, a, v);
    if (!Files.isRegularFile(jar)) {
      if (!direct) {
        sink.stderr("[MAVEN] skipped " + g + ":" + a + ":" + v + ": not in " + repository + "\n");
      }
      return;
    }
    jars.add(jar);
    Pom pom = Pom.read(repository, g, a, v);
    if (pom == null) {
      return;
    }
    for (String[] dep : pom.dependencies()) {
      if (dep[2] == null || dep[2].contains("${") || dep[2].startsWith("[")) {
        sink.stderr("[MAVEN] skipped " + dep[0] + ":" + dep[1] + ": version not resolvable\n");
        continue;
      }
      add(dep[0], dep[1], dep[2], jars, false);
    }
  }

  private Path jar(String g, String a, String v) {
    return repository
        .resolve(g.replace('.', '/'))
        .resolve(a)
        .resolve(v)
        .resolve(a + "-" + v + ".jar");
  }

  /** The parts of a pom that matter here, merged with its parents. */
  private record Pom(
      Map<String, String> properties, Map<String, String> managed, List<Element> deps) {

    static Pom read(Path repository, String g, String a, String v) {
      Path file =
          repository
              .resolve(g.replace('.', '/'))
              .resolve(a)
              .resolve(v)
              .resolve(a + "-" + v + ".pom");
      if (!Files.isRegularFile(file)) {
        return null;
      }
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Element project = doc.getDocumentElement();
        Map<String, String> props = new HashMap<>();
        Map<String, String> managed = new HashMap<>();
        Element parent = child(project, "parent");
        if (parent != null) {
          Pom p =
              read(
                  repository,
                  text(parent, "groupId"),
                  text(parent, "artifactId"),
                  text(parent, "version"));
          if (p != null) {
            props.putAll(p.properties);
            managed.putAll(p.managed);
          }
        }
        String groupId = text(project, "groupId") != null ? text(project, "groupId") : g;
        props.put("project.groupId", groupId);
        props.put("project.version", v);
        props.put("project.artifactId", a);
        Element properties = child(project, "properties");
        if (properties != null) {
          for (Element e : children(properties)) {
            props.put(e.getTagName(), e.getTextContent().strip());
          }
        }
        Element dm = child(project, "dependencyManagement");
        Element dmDeps = dm == null ? null : child(dm, "dependencies");
        if (dmDeps != null) {
          for (Element d : children(dmDeps)) {
            managed.put(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "version"));
          }
        }
        Element deps = child(project, "dependencies");
        return new Pom(props, managed, deps == null ? List.of() : children(deps));
      } catch (Exception e) {
        return null;
      }
    }

    List<String[]> dependencies() {
      List<String[]> out = new ArrayList<>();
      for (Element d : deps) {
        String scope = text(d, "scope");
        if ((scope != null && !scope.equals("compile") && !scope.equals("runtime"))
            || "true".equals(text(d, "optional"))) {
          continue;
        }
        String g = interpolate(text(d, "groupId"));
        String a = interpolate(text(d, "artifactId"));
        String v = text(d, "version");
        if (v == null) {
          v = managed.get(g + ":" + a);
        }
        out.add(new String[] {g, a, v == null ? null : interpolate(v)});
      }
      return out;
    }

    private String interpolate(String s) {
      if (s == null) {
        return null;
      }
      for (int i = 0; i < 5 && s.contains("${"); i++) {
        Matcher m = PROPERTY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
          String value = properties.get(m.group(1));
          m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(b);
        s = b.toString();
      }
      return s;
    }
  }

  private static Element child(Element e, String name) {
    for (Element c : children(e)) {
      if (c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nodes.item(i));
      }
    }
    return out;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }
}
