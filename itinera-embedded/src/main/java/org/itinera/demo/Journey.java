package org.itinera.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's journey while it is being generated: the state the flows read and change, and
 * the buffer of what the customer produced. Records outside the window are dropped here, and the
 * buffer is sorted by time and handed to the sink when the customer is done, so memory holds one
 * customer at a time.
 */
final class Journey {
  private record Timed(long ts, int order, DemoRow row) {}

  final World world;
  final Clock clock;
  final Customer c;
  final Rand r;
  final Tally tally;

  private final List<DemoMessage> messages = new ArrayList<>();
  private final List<Timed> rows = new ArrayList<>();
  private final List<DemoRow> truthRows = new ArrayList<>();
  private int messageCounter;

  int orders;
  int tickets;
  int reviews;
  int responses;
  int sessions;
  int checkouts;
  boolean signedUp;
  long signupAt = Long.MIN_VALUE;
  /** Whether each device (web, second browser, app) already knows the userId. */
  final boolean[] known = new boolean[3];
  /** Whether each device has been used in the window (drives identify-on-first-use). */
  final boolean[] used = new boolean[3];
  boolean appInstalled;
  boolean appRemoved;
  long activeUntil;
  long firstSeen = Long.MAX_VALUE;
  long lastSeen = Long.MIN_VALUE;
  boolean anonymousBeforeSignUp;
  int painMask;
  PainPoint lastPain;
  long lastPainAt = Long.MIN_VALUE;
  long firstOrderAt = -1;
  boolean firstOrderDelayed;
  long pendingVisit = Long.MAX_VALUE;
  boolean emailOptIn;
  double spend;
  /** Delivery of the first order delivered in the window, for the delivery-delay effect. */
  long firstDeliveredAt = -1;
  boolean firstDeliveredLate;
  boolean repeatAfterFirstDelivery;

  Journey(World world, Customer c, Rand r, Tally tally) {
    this.world = world;
    this.clock = world.clock;
    this.c = c;
    this.r = r;
    this.tally = tally;
    this.emailOptIn = c.marketingOptIn;
  }

  String traitsJson() {
    return new JsonOut().put("email", c.email).put("name", c.name).put("phone", c.phone)
        .put("gender", c.gender).put("age_band", c.ageBand).put("region", c.region)
        .put("lang", c.lang).put("signup_source", c.signupSource)
        .strings("interests", interestNames()).done();
  }

  private String[] interestNames() {
    String[] out = new String[c.interests.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Persona.INTERESTS[c.interests[i]];
    }
    return out;
  }

  static JsonOut props(String channel) {
    return new JsonOut().channel(channel);
  }

  /** Track from a device slot (or -1 for server-side, which requires a known customer). */
  /** Returns the messageId, or null when ts is outside the window and nothing was recorded. */
  String track(long ts, int slot, String event, JsonOut props, String context) {
    return add(ts, "track", slot, event, null, props, context, null);
  }

  void page(long ts, int slot, String name, JsonOut props, String context) {
    add(ts, "page", slot, null, name, props, context, null);
  }

  void screen(long ts, String name, JsonOut props, String context) {
    add(ts, "screen", Customer.APP, null, name, props, context, null);
  }

  void identify(long ts, int slot, String traits, String context) {
    add(ts, "identify", slot, null, null, null, context, traits);
  }

  /** Server-side identify (store membership desk). */
  void identifyAtStore(long ts, String traits) {
    add(ts, "identify", -1, null, null, null, null, traits);
  }

  private String add(long ts, String type, int slot, String event, String name, JsonOut props,
      String context, String traits) {
    if (!clock.inWindow(ts)) {
      return null;
    }
    String anonymousId = slot >= 0 ? c.deviceIds[slot] : null;
    String userId = slot < 0 || known[slot] ? c.userId : null;
    if (userId == null && anonymousId == null) {
      throw new IllegalStateException("server-side event " + event + " for unknown customer " + c.index);
    }
    String propsJson = props == null ? null : props.done();
    String channel = props != null ? props.channel()
        : slot == Customer.APP ? "app" : slot < 0 ? "store" : "web";
    if (userId == null && !signedUp) {
      anonymousBeforeSignUp = true;
    }
    String id = Ids.messageId(world.seed, c.index, messageCounter++);
    messages.add(new DemoMessage(type, id, anonymousId, userId, ts, event, name, channel, propsJson,
        context, traits));
    seen(ts);
    return id;
  }

  void row(long ts, DemoFile file, String... values) {
    if (clock.inWindow(ts)) {
      rows.add(new Timed(ts, rows.size(), new DemoRow(file, Arrays.asList(values))));
      seen(ts);
    }
  }

  /** A row that is a snapshot rather than an event (the CRM profile): kept whatever its time. */
  void snapshotRow(long ts, DemoFile file, String... values) {
    rows.add(new Timed(ts, rows.size(), new DemoRow(file, Arrays.asList(values))));
  }

  private void seen(long ts) {
    firstSeen = Math.min(firstSeen, ts);
    lastSeen = Math.max(lastSeen, ts);
  }

  void textTruth(String source, String recordId, TextComposer.Composed text) {
    truthRows.add(new DemoRow(DemoFile.TRUTH_TEXTS, List.of(source, recordId, text.lang(),
        String.join("|", text.topics()), text.sentiment(), Double.toString(text.score()))));
  }

  void truthRow(DemoRow row) {
    truthRows.add(row);
  }

  /** The customer stops coming back after t (earlier churn wins). */
  void churnAt(long t) {
    activeUntil = Math.min(activeUntil, t);
  }

  boolean active(long t) {
    return t < activeUntil && t < clock.end;
  }

  void pain(PainPoint p, long t) {
    if (!clock.inWindow(t)) {
      return;
    }
    tally.painOccurrence(p);
    painMask |= 1 << p.ordinal();
    lastPain = p;
    lastPainAt = t;
  }

  /** Text composed in the customer's language. */
  TextComposer.Composed text(TextComposer.Kind kind, List<TextComposer.Aspect> aspects,
      TextComposer.Slots slots) {
    return world.text.compose(r, c.lang, kind, aspects, slots);
  }

  String sessionId() {
    return Ids.local("ses_", c.index, sessions++);
  }

  String checkoutId() {
    return Ids.local("chk_", c.index, checkouts++);
  }

  /** Hands everything to the sink in time order and counts it. */
  void flush(DemoSink sink) {
    messages.sort(Comparator.comparingLong(DemoMessage::timestamp));
    for (DemoMessage m : messages) {
      tally.message(m);
      sink.message(m);
    }
    rows.sort(Comparator.comparingLong(Timed::ts).thenComparingInt(Timed::order));
    for (Timed t : rows) {
      tally.row(t.row());
      sink.row(t.row());
    }
    for (DemoRow row : truthRows) {
      sink.truthRow(row);
    }
    sink.endCustomer();
  }

  boolean hasRecords() {
    return !messages.isEmpty() || !rows.isEmpty();
  }
}
