package org.itinera.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.sequence.EventPredicate;
import org.itinera.sequence.PropertyPredicate;
import org.itinera.sequence.Vocabulary;

/**
 * A journey model: ordered stages, rules mapping events to a stage and touchpoint (first match
 * wins), and goals. Read it with {@link #parse} or {@link #load}; the product ships {@link
 * #defaultModel()}.
 */
public record JourneyModel(List<Stage> stages, List<StageRule> rules, List<Goal> goals) {
  private static final String DEFAULT = "default-journey.yml";

  public JourneyModel {
    stages = List.copyOf(stages);
    rules = List.copyOf(rules);
    goals = List.copyOf(goals);
    if (stages.isEmpty()) {
      throw new ItineraException(ErrorCode.CONFIG_INVALID, "stages", "at least one stage needed");
    }
    for (StageRule r : rules) {
      if (stageIndex(stages, r.stage()) < 0) {
        throw new ItineraException(ErrorCode.CONFIG_INVALID, "rules.stage",
            "rule maps to undeclared stage '" + r.stage() + "'");
      }
    }
  }

  /**
   * Parses journey.yml text. Errors are {@link ErrorCode#CONFIG_INVALID} with a message naming
   * {@code source}, the line and the field, and {@link ItineraException#field()} set to the field
   * path (such as {@code rules[2].when.channel}).
   */
  public static JourneyModel parse(String yaml, String source) {
    return new ModelReader(source).read(YamlTree.parse(yaml, source));
  }

  public static JourneyModel load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ItineraException(ErrorCode.IO_FAILURE, "model",
          "cannot read journey model " + file + ": " + e.getMessage(), e);
    }
  }

  /** The model shipped with Itinera (resource {@code org/itinera/journey/default-journey.yml}). */
  public static JourneyModel defaultModel() {
    return parse(defaultYaml(), DEFAULT);
  }

  /** The shipped model's text, for users to copy and edit. */
  public static String defaultYaml() {
    try (InputStream in = JourneyModel.class.getResourceAsStream(DEFAULT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new ItineraException(ErrorCode.INTERNAL, null, "the default journey model is missing "
          + "from the jar (" + DEFAULT + ")", e);
    }
  }

  /** Position of a stage id in {@link #stages()}, or -1. */
  public int stageIndex(String id) {
    return stageIndex(stages, id);
  }

  /** The property predicates rules and goals use: the flags an engine must evaluate. */
  public List<PropertyPredicate> flags() {
    return EventPredicate.flagsOf(Stream.concat(rules.stream().map(StageRule::when),
        goals.stream().map(Goal::when)));
  }

  /** The model compiled against a vocabulary whose flags include {@link #flags()}. */
  public StageClassifier classifier(Vocabulary vocabulary) {
    return new StageClassifier(this, vocabulary);
  }

  private static int stageIndex(List<Stage> stages, String id) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
