package org.itinera.source;

import java.util.Objects;

/**
 * A named origin of events (a website, an app, a ticketing export) with its own write key and
 * the channel its events belong to unless they say otherwise ({@code properties.channel}).
 */
public record Source(String sourceId, String name, String channel) {
  public Source {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
  }
}
