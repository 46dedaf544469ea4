package org.txlab.course.txlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws crash images byte by byte, for a notebook: each file's bytes as characters, coloured by
 * what the crash did to them (forced, written but not forced and kept, lost, torn into zeros or
 * garbage), with a thin line where each append began. Shown as HTML; as text, it is {@link
 * CrashImages#picture}.
 *
 * <pre>{@code
 * LogPicture.of(trace, image)   // a cell's value: the kernel shows its toHtml()
 * }</pre>
 */
public final class LogPicture {
  /** The most bytes drawn of one file; the rest is counted. */
  static final int MAX_BYTES = 1024;

  private static final String STYLE =
      "font-family:monospace;font-size:12px;line-height:1.7;white-space:pre-wrap;"
          + "word-break:break-all;margin:2px 0 6px 0";

  /** What a crash did to one byte, and how it is drawn. */
  enum Fate {
    /** Forced before the crash, so kept. */
    FORCED("forced before the crash: kept", "background:#cdeccd"),
    /** Written but not forced, and kept by this crash. */
    KEPT("written, not forced: this crash kept it", "background:#ffe7a0"),
    /** Written but not forced, and lost by this crash. */
    LOST("written, not forced: this crash lost it", "color:#9a9a9a;text-decoration:line-through"),
    /** Kept, but as zeros or garbage. */
    TORN("kept, but torn: zeros or garbage", "background:#f4b6b6;color:#8b0000"),
    /** Forced once, then cut or overwritten without a force: back after the crash. */
    OLD("cut off or overwritten since the last force, back after the crash", "background:#e3d4f2"),
    /** Bytes of the file a name had at the last syncDir, back after the crash. */
    OTHER(
        "another file's bytes under this name (a create, rename or delete undone)",
        "background:#cfe0f7");

    final String meaning;
    final String css;

    Fate(String meaning, String css) {
      this.meaning = meaning;
      this.css = css;
    }
  }

  private final Trace trace;
  private final List<CrashImages.Image> images;

  private LogPicture(Trace trace, List<CrashImages.Image> images) {
    this.trace = trace;
    this.images = List.copyOf(images);
  }

  /**
   * Draws one crash image.
   *
   * @param trace the run it comes from
   * @param image the image
   * @return the picture
   */
  public static LogPicture of(Trace trace, CrashImages.Image image) {
    return new LogPicture(trace, List.of(image));
  }

  /**
   * Draws several crash images of one run, one under the other.
   *
   * @param trace the run they come from
   * @param images the images
   * @return the picture
   */
  public static LogPicture of(Trace trace, List<CrashImages.Image> images) {
    return new LogPicture(trace, images);
  }

  /** Returns the picture as an HTML fragment: each image's moment and files, then a legend. */
  public String toHtml() {
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    StringBuilder s = new StringBuilder("<div>");
    EnumSet<Fate> seen = EnumSet.noneOf(Fate.class);
    for (CrashImages.Image image : images) {
      s.append("<div style=\"margin-top:6px\"><b>")
          .append(escape(image.kind().name()))
          .append("</b> — ")
          .append(escape(points.get(image.after()).describe()))
          .append(": ")
          .append(escape(image.what()))
          .append("</div>");
      s.append(filesHtml(trace, image, seen));
    }
    return s.append(legend(seen)).append("</div>").toString();
  }

  /**
   * Draws the files of one image, without its moment or a legend.
   *
   * @param trace the run
   * @param image the image
   * @param seen collects the fates drawn, for {@link #legend}
   * @return the HTML fragment
   */
  static String filesHtml(Trace trace, CrashImages.Image image, Set<Fate> seen) {
    StringBuilder s = new StringBuilder();
    for (FileBytes f : files(trace, image)) {
      s.append("<div style=\"").append(STYLE).append("\"><b>").append(escape(f.name));
      s.append("</b> <span style=\"color:#666\">").append(escape(f.summary())).append("</span>\n");
      appendBytes(s, f);
      s.append("</div>");
      seen.addAll(Arrays.asList(f.fates));
    }
    return s.toString();
  }

  /**
   * Explains the colours and signs of the fates drawn.
   *
   * @param seen the fates drawn
   * @return the HTML fragment
   */
  static String legend(Set<Fate> seen) {
    StringBuilder s = new StringBuilder("<div style=\"font-size:11px;color:#555;margin-top:4px\">");
    for (Fate fate : seen) {
      s.append("<span style=\"")
          .append(fate.css)
          .append(";font-family:monospace;padding:0 3px\">abc</span> ")
          .append(escape(fate.meaning))
          .append(" &nbsp; ");
    }
    s.append("<span style=\"border-left:2px solid #555;padding-left:3px\">an append began</span>")
        .append(" &nbsp; ⏎ a newline, · another byte that is no printable character");
    if (seen.contains(Fate.TORN)) {
      s.append(", 0 a zero byte and ▒ a garbage byte where the crash tore");
    }
    return s.append("</div>").toString();
  }

  /** Returns the picture as text: each image's moment, then {@link CrashImages#picture}. */
  @Override
  public String toString() {
    List<CrashCheck.Point> points = CrashCheck.points(trace);
    List<String> parts = new ArrayList<>();
    for (CrashImages.Image image : images) {
      parts.add(
          image.kind()
              + " — "
              + points.get(image.after()).describe()
              + ": "
              + image.what()
              + "\n"
              + CrashImages.picture(trace, image));
    }
    return String.join("\n", parts);
  }

  /**
   * One file of an image: what the process had written under its name, what the image holds, and
   * what became of each byte.
   */
  record FileBytes(
      String name,
      int written,
      int forced,
      byte[] shown,
      Fate[] fates,
      TreeSet<Integer> starts,
      String note) {
    String summary() {
      return "written " + written + " B, forced " + forced + " B, " + note;
    }
  }

  /** Works out the fate of every byte of every file an image names or the process had named. */
  static List<FileBytes> files(Trace trace, CrashImages.Image image) {
    DiskModel m = DiskModel.of(trace.start());
    Map<Integer, TreeSet<Integer>> starts = new java.util.HashMap<>();
    for (int k = 0; k < image.after(); k++) {
      Op op = trace.ops().get(k);
      if (op.kind() == Op.Kind.APPEND) {
        starts
            .computeIfAbsent(op.file(), f -> new TreeSet<>())
            .add(m.inodes.get(op.file()).current.length);
      } else if (op.kind() == Op.Kind.TRUNCATE && starts.containsKey(op.file())) {
        starts.get(op.file()).removeIf(at -> at >= op.size());
      }
      m.apply(op);
    }
    TreeSet<String> names = new TreeSet<>(m.names.keySet());
    names.addAll(image.disk().names());
    List<FileBytes> out = new ArrayList<>();
    for (String n : names) {
      Integer inode = m.names.get(n);
      byte[] written = inode == null ? new byte[0] : m.inodes.get(inode).current;
      byte[] forced = inode == null ? new byte[0] : m.inodes.get(inode).synced;
      int p = prefix(written, forced);
      byte[] kept = image.disk().bytes(n);
      boolean other =
          kept != null
              && image.kind() == CrashImages.Kind.NAMES
              && !java.util.Objects.equals(m.durableNames.get(n), inode);
      byte[] shown = kept == null || (!other && kept.length < written.length) ? written : kept;
      Fate[] fates = new Fate[Math.min(shown.length, MAX_BYTES)];
      for (int i = 0; i < fates.length; i++) {
        if (other) {
          fates[i] = Fate.OTHER;
        } else if (kept == null || i >= kept.length) {
          fates[i] = Fate.LOST;
        } else if (i >= written.length || kept[i] != written[i]) {
          fates[i] = i < forced.length && kept[i] == forced[i] ? Fate.OLD : Fate.TORN;
        } else {
          fates[i] = i < p ? Fate.FORCED : Fate.KEPT;
        }
      }
      byte[] drawn = shown.clone();
      if (kept != null && !other) {
        // Torn bytes are drawn as the crash left them.
        System.arraycopy(kept, 0, drawn, 0, Math.min(kept.length, drawn.length));
      }
      String note;
      if (kept == null) {
        note = "gone after the crash";
      } else if (other) {
        note =
            "after the crash "
                + kept.length
                + (inode == null
                    ? " B: a name the process had renamed or deleted, back"
                    : " B of the file this name had at the last syncDir");
      } else {
        note = "after the crash " + kept.length + " B";
      }
      TreeSet<Integer> begun =
          inode == null || other ? new TreeSet<>() : starts.getOrDefault(inode, new TreeSet<>());
      out.add(new FileBytes(n, written.length, p, drawn, fates, begun, note));
    }
    return out;
  }

  private static void appendBytes(StringBuilder s, FileBytes f) {
    TreeSet<Integer> starts = f.starts;
    int i = 0;
    while (i < f.fates.length) {
      int j = i + 1;
      while (j < f.fates.length && f.fates[j] == f.fates[i] && !starts.contains(j)) {
        j++;
      }
      s.append("<span style=\"").append(f.fates[i].css);
      if (i > 0 && starts.contains(i)) {
        s.append(";border-left:2px solid #555");
      }
      s.append("\">");
      for (int k = i; k < j; k++) {
        s.append(glyph(f.shown[k], f.fates[i] == Fate.TORN));
      }
      s.append("</span>");
      i = j;
    }
    if (f.shown.length > f.fates.length) {
      s.append(" <i>… ").append(f.shown.length - f.fates.length).append(" more bytes</i>");
    }
    if (f.shown.length == 0) {
      s.append("<i style=\"color:#666\">(empty)</i>");
    }
  }

  private static String glyph(byte b, boolean torn) {
    if (torn) {
      return b == 0 ? "0" : "▒";
    }
    if (b == '\n') {
      return "⏎";
    }
    if (b < 32 || b > 126) {
      return "·";
    }
    return escape(String.valueOf((char) b));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static int prefix(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int i = Arrays.mismatch(a, b);
    return i < 0 ? n : Math.min(i, n);
  }
}
