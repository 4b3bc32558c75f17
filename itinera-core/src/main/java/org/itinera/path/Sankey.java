package org.itinera.path;

import java.util.List;

/**
 * The shown paths as a Sankey graph: a node per (step, event), a link per consecutive pair weighted
 * by path occurrences. Steps count from the anchor: 0, 1, 2 ... forward, or ..., -2, -1, 0 for
 * paths that end at the anchor.
 */
public record Sankey(List<Node> nodes, List<Link> links) {
  public Sankey {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }

  public record Node(int id, int step, String event) {}

  public record Link(int source, int target, long value) {}
}
