package org.itinera.admin;

import io.javalin.Javalin;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itinera.customer.Customers;
import org.itinera.journal.Lang;
import org.itinera.journal.StageOf;
import org.itinera.journal.StoredJournals;
import org.itinera.server.AdminToken;
import org.itinera.server.ItineraServer;
import org.itinera.source.Sources;
import org.itinera.store.Store;

/**
 * Admin endpoints the CLI uses when a server holds the data directory: sources and customer
 * look-ups. All need the admin token (the server guards every /api route).
 */
public final class AdminRoutes implements ItineraServer.Routes {
  private final Store store;
  private final StageOf stages;

  public AdminRoutes(Store store, StageOf stages) {
    this.store = store;
    this.stages = stages;
  }

  @Override
  public void register(Javalin app, AdminToken token) {
    Sources sources = new Sources(store);
    app.get("/api/sources", ctx -> ctx.json(sources.list()));
    app.post("/api/sources", ctx -> {
      Map<?, ?> body = ctx.bodyAsClass(Map.class);
      Sources.Created created = sources.create(
          body.get("name") instanceof String s ? s : null,
          body.get("channel") instanceof String c ? c : null);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("source", created.source());
      out.put("writeKey", created.writeKey());
      ctx.status(201).json(out);
    });
    app.get("/api/customers/{id}", ctx -> {
      try (Connection c = store.newConnection()) {
        ctx.json(new Customers(c).show(ctx.pathParam("id")));
      }
    });
    app.get("/api/customers/{id}/journal", ctx -> {
      try (Connection c = store.newConnection()) {
        ctx.json(new StoredJournals(c, stages)
            .journal(ctx.pathParam("id"), Lang.parse(ctx.queryParam("lang"))));
      }
    });
  }
}
