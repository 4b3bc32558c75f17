package org.itinera.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.itinera.ErrorCode;
import org.itinera.ItineraException;
import org.itinera.event.Event;
import org.itinera.identity.IdentityGraph;
import org.itinera.store.Store;

/**
 * The one way events enter the store, used by the collection API, the importers and the demo.
 *
 * <p>Design notes. DuckDB has one writer per file, and a commit (a WAL fsync) costs the same for
 * one event as for ten thousand. So callers on any number of threads hand their events to a single
 * writer thread and wait; the writer takes everything queued (group commit), resolves identities,
 * writes one transaction and only then completes every caller's future. A caller that got a
 * result knows its events are on disk. When more than {@code maxPendingEvents} wait, new calls are
 * refused at once with {@link ErrorCode#OVERLOADED} (HTTP 429) instead of queueing without bound.
 */
public final class Ingestor implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_GROUP_EVENTS = 50_000;

  private final Store store;
  private final TextEnricher enricher;
  private final IdentityLinks links;
  private final IdentityGraph graph;
  private final EventWriter writer;
  private final FreshCustomers fresh = new FreshCustomers();
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(100_000);
  private final AtomicInteger pendingEvents = new AtomicInteger();
  private final int maxPendingEvents;
  private final Thread thread;
  private volatile boolean closed;

  /** Events to write in a group, or (task != null) a bulk load to run on its own. */
  private record Pending(List<Event> events, CompletableFuture<IngestResult> done, Runnable task) {}

  private Ingestor(Store store, TextEnricher enricher, List<String> identityTraits,
      int maxPendingEvents) throws SQLException {
    this.store = store;
    this.enricher = enricher;
    this.links = new IdentityLinks(identityTraits);
    this.maxPendingEvents = maxPendingEvents;
    DuckDBConnection conn = (DuckDBConnection) store.newConnection();
    this.graph = IdentityGraph.load(conn);
    this.writer = new EventWriter(conn);
    this.thread = new Thread(this::run, "itinera-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** An ingestor with no text analytics, linking identities by e-mail and phone traits. */
  public static Ingestor open(Store store) {
    return open(store, TextEnricher.NONE);
  }

  public static Ingestor open(Store store, TextEnricher enricher) {
    return open(store, enricher, List.of("email", "phone"), 200_000);
  }

  public static Ingestor open(Store store, TextEnricher enricher, List<String> identityTraits,
      int maxPendingEvents) {
    if (store.readOnly()) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot ingest into a read-only store");
    }
    if (maxPendingEvents < 1) {
      throw ItineraException.invalid("maxPendingEvents", "must be >= 1, was " + maxPendingEvents);
    }
    try {
      return new Ingestor(store, enricher, identityTraits, maxPendingEvents);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot start the writer: " + e.getMessage());
    }
  }

  /**
   * Stores the events durably (or refuses them all) and says how many were new. Blocks until the
   * transaction holding them has committed.
   */
  public IngestResult ingest(List<Event> events) {
    if (events.isEmpty()) {
      return IngestResult.EMPTY;
    }
    if (closed) {
      throw new ItineraException(ErrorCode.OVERLOADED, "the store is shutting down; retry later");
    }
    List<Event> enriched = new ArrayList<>(events.size());
    for (Event e : events) {
      enriched.add(e.text() == null || e.lang() != null ? e : enricher.enrich(e));
    }
    if (pendingEvents.addAndGet(events.size()) > maxPendingEvents
        && pendingEvents.get() != events.size()) {
      pendingEvents.addAndGet(-events.size());
      throw new ItineraException(ErrorCode.OVERLOADED,
          "the writer has more than " + maxPendingEvents + " events waiting; retry after a second");
    }
    Pending p = new Pending(enriched, new CompletableFuture<>(), null);
    if (!queue.offer(p)) {
      pendingEvents.addAndGet(-events.size());
      throw new ItineraException(ErrorCode.OVERLOADED, "the writer queue is full; retry later");
    }
    try {
      return p.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, "interrupted while waiting for the write");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ItineraException ie) {
        throw ie;
      }
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "the write failed and nothing of it was stored: " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  /**
   * Runs a set-based load (a file import) on the writer thread, alone, in one transaction: the
   * load's rows, identities, renames and traits are committed together when it returns, or not
   * at all when it throws (a load that chose {@link BulkSession#insertEventsInChunks} keeps the
   * chunks it committed). API callers wait meanwhile (or are told to retry when the queue fills).
   */
  public <T> T ingestBulk(BulkLoad<T> load) {
    if (closed) {
      throw new ItineraException(ErrorCode.OVERLOADED, "the store is shutting down; retry later");
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    try {
      queue.put(new Pending(List.of(), null, () -> runBulk(load, done)));
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ItineraException(ErrorCode.INTERNAL, "interrupted while waiting for the load");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ItineraException ie) {
        throw ie;
      }
      throw new ItineraException(ErrorCode.INTERNAL, null,
          "the load failed and its uncommitted part was rolled back: "
              + e.getCause().getMessage(), e.getCause());
    }
  }

  private <T> void runBulk(BulkLoad<T> load, CompletableFuture<T> done) {
    synchronized (graph) {
      // A bulk load links and renames customers on its own: first-seq bounds may not survive it.
      fresh.forget();
      try {
        BulkSession session =
            new BulkSession(writer, graph, links, enricher, System.currentTimeMillis());
        T result = load.load(session);
        session.finish();
        writer.connection().commit();
        session.timer().mark("commit");
        done.complete(result);
      } catch (SQLException | RuntimeException e) {
        try {
          writer.connection().rollback();
        } catch (SQLException ignored) {
          // the connection is unusable either way; the reload below reports real trouble
        }
        try {
          reloadGraph();
        } catch (RuntimeException reloadFailure) {
          e.addSuppressed(reloadFailure);
        }
        done.completeExceptionally(e);
      }
    }
  }

  /** The identity traits (e.g. email, phone) that link customers, as configured. */
  public List<String> identityTraits() {
    return links.traits();
  }

  /** How many customers the identity graph knows. */
  public int customerCount() {
    synchronized (graph) {
      return graph.customerCount();
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        if (first.task() != null) {
          first.task().run();
          continue;
        }
        group.add(first);
        int n = first.events.size();
        while (n < MAX_GROUP_EVENTS) {
          Pending next = queue.peek();
          if (next == null || next.task() != null) {
            break;
          }
          queue.poll();
          group.add(next);
          n += next.events.size();
        }
        writeGroup(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        group.clear();
      }
    }
  }

  private void writeGroup(List<Pending> group) {
    Map<String, Event> unique = new LinkedHashMap<>();
    for (Pending p : group) {
      for (Event e : p.events) {
        unique.putIfAbsent(e.eventId(), e);
      }
    }
    long now = System.currentTimeMillis();
    try {
      Set<String> inserted;
      synchronized (graph) {
        List<List<String>> ids = new ArrayList<>(unique.size());
        fresh.startGroup(writer.nextSeq());
        Set<String> newIdentities = new HashSet<>();
        for (Event e : unique.values()) {
          List<String> eventIds = links.of(e, graph);
          List<String> before = customersOf(eventIds, newIdentities);
          String after = graph.link(eventIds);
          if (before.size() != 1 || !before.get(0).equals(after)) {
            fresh.linked(before, after);
          }
          ids.add(eventIds);
        }
        List<Event> resolved = new ArrayList<>(unique.size());
        Map<String, ObjectNode> traits = new HashMap<>();
        int i = 0;
        for (Event e : unique.values()) {
          String customer = graph.customerOf(ids.get(i++).get(0));
          resolved.add(e.withCustomerId(customer));
          if (e.traitsJson() != null && ("identify".equals(e.type()) || "group".equals(e.type()))) {
            mergeTraits(traits.computeIfAbsent(customer, k -> JSON.createObjectNode()), e);
          }
        }
        Map<String, String> traitJson = new HashMap<>();
        traits.forEach((c, node) -> traitJson.put(c, node.toString()));
        try {
          inserted = writer.write(resolved, new EventWriter.Linked(graph.drainChanges(),
              newIdentities, fresh.renameBound()), traitJson, now);
        } catch (SQLException | RuntimeException e) {
          reloadGraph();
          throw e;
        }
      }
      for (Pending p : group) {
        int accepted = 0;
        for (Event e : p.events) {
          if (inserted.remove(e.eventId())) {
            accepted++;
          }
        }
        pendingEvents.addAndGet(-p.events.size());
        p.done.complete(new IngestResult(accepted, p.events.size() - accepted));
      }
    } catch (SQLException | RuntimeException e) {
      for (Pending p : group) {
        pendingEvents.addAndGet(-p.events.size());
        p.done.completeExceptionally(e);
      }
    }
  }

  private static void mergeTraits(ObjectNode into, Event e) {
    try {
      if (JSON.readTree(e.traitsJson()) instanceof ObjectNode node) {
        into.setAll(node);
      }
    } catch (IOException ignored) {
      // traits were validated as a JSON object on the way in
    }
  }

  /**
   * The distinct customers the identities belong to now; those never seen are added to {@code
   * unseen} instead.
   */
  private List<String> customersOf(List<String> identities, Set<String> unseen) {
    List<String> out = List.of();
    for (String id : identities) {
      String c = graph.customerOf(id);
      if (c == null) {
        unseen.add(id);
      } else if (!out.contains(c)) {
        out = out.isEmpty() ? List.of(c) : concat(out, c);
      }
    }
    return out;
  }

  private static List<String> concat(List<String> list, String item) {
    List<String> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private void reloadGraph() {
    fresh.forget();
    // The in-memory graph ran ahead of a transaction that rolled back: rebuild it from the store.
    try {
      IdentityGraph loaded = IdentityGraph.load(store.connection());
      graph.replaceWith(loaded);
    } catch (SQLException e) {
      throw new ItineraException(ErrorCode.INTERNAL, "cannot reload identities: " + e.getMessage());
    }
  }

  /** Stops taking events, writes what is queued, and stops the writer thread. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      // The writer's connection holds the database open; a writer still busy keeps it.
      try {
        writer.connection().close();
      } catch (SQLException e) {
        throw new ItineraException(ErrorCode.IO_FAILURE, null,
            "cannot close the writer's connection: " + e.getMessage(), e);
      }
    }
  }
}
