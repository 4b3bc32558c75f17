package org.itinera.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's phrases, read from {@code phrases-<lang>.txt} beside this class: named sections
 * of lines, plus typo rules ({@code from => to}). A line may start with {@code @cat1,cat2 } to
 * apply only to products of those categories (no scent for a duvet, no battery for a coat).
 * Keeping the words in a text file lets a native speaker improve them without touching code.
 */
final class PhraseBank {
  private final String lang;
  private final Map<String, String[]> sections;
  private final String[][] typos;
  private final Map<String, String[]> byCategory = new ConcurrentHashMap<>();

  private PhraseBank(String lang, Map<String, String[]> sections, String[][] typos) {
    this.lang = lang;
    this.sections = sections;
    this.typos = typos;
  }

  static PhraseBank load(String lang) {
    String resource = "phrases-" + lang + ".txt";
    Map<String, List<String>> raw = new LinkedHashMap<>();
    try (InputStream in = PhraseBank.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " beside " + PhraseBank.class);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String section = null;
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
          section = trimmed.substring(1, trimmed.length() - 1);
          raw.computeIfAbsent(section, k -> new ArrayList<>());
        } else if (section == null) {
          throw new IllegalStateException(resource + " line " + number + ": text before any [section]");
        } else {
          raw.get(section).add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Map<String, String[]> sections = new LinkedHashMap<>();
    raw.forEach((k, v) -> sections.put(k, v.toArray(String[]::new)));
    String[] typoLines = sections.getOrDefault("typo", new String[0]);
    String[][] typos = new String[typoLines.length][];
    for (int i = 0; i < typoLines.length; i++) {
      String[] pair = typoLines[i].split(" => ", 2);
      if (pair.length != 2) {
        throw new IllegalStateException(resource + " [typo] needs 'from => to', got: " + typoLines[i]);
      }
      typos[i] = pair;
    }
    return new PhraseBank(lang, sections, typos);
  }

  String lang() {
    return lang;
  }

  String[] section(String name) {
    String[] lines = sections.get(name);
    if (lines == null || lines.length == 0) {
      throw new IllegalStateException("phrases-" + lang + ".txt has no section [" + name + "]");
    }
    return lines;
  }

  /**
   * The lines of a section that suit a product category (null: no product), with their
   * {@code @category} tags removed.
   */
  String[] section(String name, String category) {
    String key = name + "|" + category;
    String[] cached = byCategory.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> out = new ArrayList<>();
    for (String line : section(name)) {
      if (!line.startsWith("@")) {
        out.add(line);
        continue;
      }
      int space = line.indexOf(' ');
      for (String tag : line.substring(1, space).split(",")) {
        if (tag.equals(category)) {
          out.add(line.substring(space + 1));
          break;
        }
      }
    }
    String[] result = out.toArray(String[]::new);
    byCategory.put(key, result);
    return result;
  }

  boolean has(String name) {
    return sections.containsKey(name);
  }

  java.util.Set<String> sectionNames() {
    return sections.keySet();
  }

  String[][] typos() {
    return typos;
  }

  /** Number of template lines in aspect sections (the ones named topic+, topic- or topic?). */
  int templateCount() {
    int n = 0;
    for (Map.Entry<String, String[]> e : sections.entrySet()) {
      char last = e.getKey().charAt(e.getKey().length() - 1);
      if (last == '+' || last == '-' || last == '?') {
        n += e.getValue().length;
      }
    }
    return n;
  }
}
