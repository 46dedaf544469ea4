package org.txlab.kernel.jupyter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The cells this kernel process ran, for {@code history_request}: tail, range and search.
 *
 * <p>Kept in memory for the current session only (numbered {@value #SESSION}); earlier sessions,
 * which IPython keeps in a database, are not remembered, so a request for one answers nothing.
 * Entries are {@code [session, execution_count, input]}, or {@code [session, execution_count,
 * [input, output]]} with {@code output} the result's plain text (or {@code null}) when asked for.
 */
final class History {

  /** The number of this kernel process's session in its replies. */
  static final int SESSION = 1;

  private record Entry(int line, String input, String output) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Records a cell run with {@code store_history}. */
  synchronized void add(int executionCount, String input, String output) {
    entries.add(new Entry(executionCount, input, output));
  }

  /** Answers a request; the entries as Jupyter's JSON tuples. */
  synchronized List<List<Object>> answer(HistoryRequest request) {
    List<Entry> found =
        switch (request.getAccessType()) {
          case TAIL -> last(entries, ((HistoryRequest.Tail) request).getMaxReturnLength());
          case RANGE -> range((HistoryRequest.Range) request);
          case SEARCH -> search((HistoryRequest.Search) request);
        };
    List<List<Object>> tuples = new ArrayList<>();
    for (Entry e : found) {
      Object io = request.includeOutput() ? Arrays.asList(e.input, e.output) : e.input;
      tuples.add(Arrays.asList(SESSION, e.line, io));
    }
    return tuples;
  }

  /** Lines {@code start <= line < stop} of the current session (0 or {@value #SESSION}). */
  private List<Entry> range(HistoryRequest.Range r) {
    if (r.getSessionIndex() != 0 && r.getSessionIndex() != SESSION) {
      return List.of();
    }
    int stop = r.getStop() <= 0 ? Integer.MAX_VALUE : r.getStop();
    return entries.stream().filter(e -> e.line >= r.getStart() && e.line < stop).toList();
  }

  /** The last {@code n} inputs matching a glob ({@code *}, {@code ?}, {@code [...]}). */
  private List<Entry> search(HistoryRequest.Search s) {
    Pattern glob = glob(s.getPattern() == null || s.getPattern().isEmpty() ? "*" : s.getPattern());
    List<Entry> matches = entries.stream().filter(e -> glob.matcher(e.input).matches()).toList();
    if (s.filterUnique()) {
      Map<String, Entry> latest = new LinkedHashMap<>();
      for (Entry e : matches) {
        latest.remove(e.input);
        latest.put(e.input, e);
      }
      matches = List.copyOf(latest.values());
    }
    return last(matches, s.getMaxReturnLength());
  }

  private static List<Entry> last(List<Entry> list, int n) {
    return List.copyOf(
        n <= 0 || n >= list.size() ? list : list.subList(list.size() - n, list.size()));
  }

  /** Translates a glob as IPython's history search (SQLite's GLOB) reads it. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (close > 0) {
        String set = glob.substring(i + 1, close);
        boolean negated = set.startsWith("^");
        regex.append(negated ? "[^" : "[");
        for (char m : set.substring(negated ? 1 : 0).toCharArray()) {
          // Ranges (a-z) stay ranges; what else is special in a Java class is escaped.
          regex.append("\\[]&^".indexOf(m) >= 0 ? "\\" + m : String.valueOf(m));
        }
        regex.append(']');
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
