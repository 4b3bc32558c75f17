package org.itinera.path;

import java.util.List;

/**
 * A paths query's answer: the top paths, how many distinct paths there were, what the shown ones
 * cover, and the Sankey graph of the shown ones.
 */
public record PathsResult(List<PathRow> paths, long distinctPaths, Coverage coverage,
    Sankey sankey) {
  public PathsResult {
    paths = List.copyOf(paths);
  }
}
