package org.itinera.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.itinera.event.Event;

/**
 * A small, realistic shop for the dashboard tests: about forty customers over eight weeks across
 * web, app, e-mail, chat, call center, reviews and surveys, in Korean and English, with orders,
 * NPS and CSAT answers, tickets, click coordinates, and texts already scored as text analytics
 * would store them. A few customers are fixed so tests can look for them; two reviews carry
 * markup that must render as text.
 */
public final class ShopData {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final String SCRIPT_REVIEW = "<script>window.__xss='script';alert(1)</script>";
  static final String IMG_REVIEW = "<img src=x onerror=\"window.__xss='img'\"> great price";
  static final String HTML_TOPIC = "<img src=x onerror=\"window.__xss='topic'\">";

  private record Said(String lang, String text, double sentiment, String emotion, String topic) {}

  private static final List<Said> NEGATIVE = List.of(
      new Said("ko", "배송이 일주일 넘게 걸렸어요. 너무 늦어요.", -0.8, "frustration", "delivery"),
      new Said("ko", "쿠폰이 결제 단계에서 적용되지 않아요.", -0.6, "frustration", "coupon"),
      new Said("en", "The size runs small and the exchange took forever.", -0.7, "disappointment", "size"),
      new Said("en", "Nobody answered the chat for an hour.", -0.75, "frustration", "support"),
      new Said("ko", "환불이 언제 되는지 알 수가 없어 불안해요.", -0.55, "anxiety", "refund"));
  private static final List<Said> POSITIVE = List.of(
      new Said("ko", "배송이 빨라서 좋았어요. 포장도 꼼꼼해요.", 0.8, "joy", "delivery"),
      new Said("en", "Lovely fabric, fits perfectly.", 0.85, "joy", "quality"),
      new Said("ko", "가격 대비 품질이 훌륭합니다.", 0.7, "joy", "price"),
      new Said("en", "It is fine, nothing special.", 0.05, "neutral", "quality"));

  private final Random random = new Random(42);
  private final List<Event> events = new ArrayList<>();
  private int seq;

  public static List<Event> events() {
    ShopData d = new ShopData();
    d.fixedCustomers();
    for (int i = 0; i < 36; i++) {
      d.randomCustomer(i);
    }
    return List.copyOf(d.events);
  }

  private Event event(String anon, String user, Instant at, String type, String name,
      String channel, String props, String traits, Said said, Double rating, Double revenue) {
    return new Event("ev-" + (++seq), null, anon, user, at.toEpochMilli(), at.toEpochMilli(), type,
        name, channel, "src-test", props, null, traits, said == null ? null : said.text,
        said == null ? null : said.lang, said == null ? null : said.sentiment,
        said == null ? null : said.emotion, said == null ? null : List.of(said.topic), rating,
        revenue, revenue == null ? null : "KRW");
  }

  private void add(Event e) {
    events.add(e);
  }

  private void identify(String anon, String user, Instant at, String name, String email,
      String plan, String city) {
    add(event(anon, user, at, "identify", "Identify", "web", null, "{\"name\":\"" + name
        + "\",\"email\":\"" + email + "\",\"plan\":\"" + plan + "\",\"city\":\"" + city + "\"}",
        null, null, null));
  }

  private void browse(String anon, String user, Instant at, boolean mobile) {
    String[] pages = {"Home", "Category", "Product", "Cart"};
    for (int p = 0; p < pages.length; p++) {
      Instant t = at.plus(p * 2L, ChronoUnit.MINUTES);
      add(event(anon, user, t, "page", "Page Viewed", "web",
          "{\"name\":\"" + pages[p] + "\",\"path\":\"/" + pages[p].toLowerCase() + "\"}", null, null,
          null, null));
      int width = mobile ? 390 : 1280;
      for (int c = 0; c < 2; c++) {
        int x = pages[p].equals("Product") ? 700 + random.nextInt(400) : random.nextInt(width);
        int y = pages[p].equals("Product") ? 460 + random.nextInt(56) : random.nextInt(900);
        if (mobile) {
          x = x * 390 / 1280;
        }
        add(event(anon, user, t.plusSeconds(20 + c * 10L), "track", "Element Clicked", "web",
            "{\"page\":\"" + pages[p] + "\",\"x\":" + x + ",\"y\":" + y + ",\"element\":\""
                + (pages[p].equals("Product") ? "add_to_cart" : "tile_" + random.nextInt(3))
                + "\",\"viewport_width\":" + width + "}", null, null, null, null));
      }
    }
  }

  private void buy(String user, Instant at, String channel, double revenue) {
    add(event(null, user, at, "track", "Product Viewed", channel, "{\"sku\":\"A-1\"}", null, null,
        null, null));
    add(event(null, user, at.plusSeconds(60), "track", "Product Added", channel, null, null, null,
        null, null));
    add(event(null, user, at.plusSeconds(180), "track", "Checkout Started", channel, null, null,
        null, null, null));
    add(event(null, user, at.plusSeconds(300), "track", "Order Completed", channel,
        "{\"order_id\":\"o-" + seq + "\"}", null, null, null, revenue));
  }

  private void fixedCustomers() {
    Instant t = START.plus(3, ChronoUnit.DAYS);
    browse("anon-ann", null, t, false);
    identify("anon-ann", "u-ann", t.plusSeconds(600), "Ann Lee", "ann@example.com", "gold",
        "Seoul");
    buy("u-ann", t.plusSeconds(900), "web", 58000);
    add(event(null, "u-ann", t.plus(5, ChronoUnit.DAYS), "review", "Review Submitted", "review",
        null, null, POSITIVE.get(1), 5.0, null));
    add(event(null, "u-ann", t.plus(9, ChronoUnit.DAYS), "survey_response", "NPS Answered",
        "survey", "{\"survey\":\"nps\"}", null, null, 10.0, null));

    Instant b = START.plus(20, ChronoUnit.DAYS);
    identify(null, "u-bob", b, "김민수", "minsu.kim@example.kr", "basic", "Busan");
    buy("u-bob", b.plusSeconds(60), "app", 129000);
    add(event(null, "u-bob", b.plus(2, ChronoUnit.DAYS), "ticket", "Ticket Opened",
        "call_center", "{\"ticket_id\":\"T-77\"}", null, NEGATIVE.get(0), null, null));
    add(event(null, "u-bob", b.plus(3, ChronoUnit.DAYS), "survey_response", "NPS Answered",
        "survey", null, null, null, 2.0, null));

    eve(START.plus(30, ChronoUnit.DAYS));
  }

  /** Eve, whose two reviews (and one of their topics) carry markup that must render as text. */
  private void eve(Instant at) {
    identify(null, "u-eve", at, "Eve Park", "eve@example.com", "basic", "Seoul");
    add(event(null, "u-eve", at.plusSeconds(60), "review", "Review Submitted", "review", null,
        null, new Said("en", SCRIPT_REVIEW, -0.4, "disappointment", "quality"), 2.0, null));
    add(event(null, "u-eve", at.plusSeconds(120), "review", "Review Submitted", "review", null,
        null, new Said("en", IMG_REVIEW, -0.3, "disappointment", HTML_TOPIC), 3.0, null));
  }

  /** Only Eve (customer {@code u-eve}) and her hostile reviews, from the given time. */
  static List<Event> hostileCustomer(Instant at) {
    ShopData d = new ShopData();
    d.seq = 900_000;
    d.eve(at);
    return List.copyOf(d.events);
  }

  private void randomCustomer(int i) {
    String user = "u-" + (100 + i);
    String anon = "anon-" + (100 + i);
    Instant t = START.plus(random.nextInt(50), ChronoUnit.DAYS)
        .plus(8 + random.nextInt(12), ChronoUnit.HOURS);
    boolean mobile = random.nextInt(3) == 0;
    browse(anon, null, t, mobile);
    if (random.nextInt(4) == 0) {
      return; // an anonymous visitor who never signed up
    }
    String[] names = {"이서연", "박지훈", "Chris Doe", "최유진", "Dana Kim", "정하늘", "Sam Lee"};
    identify(anon, user, t.plusSeconds(900), names[i % names.length],
        "c" + i + "@example.com", random.nextInt(3) == 0 ? "gold" : "basic",
        List.of("Seoul", "Busan", "Incheon").get(random.nextInt(3)));
    if (random.nextBoolean()) {
      add(event(null, user, t.plus(1, ChronoUnit.DAYS), "track", "Email Opened", "email", null,
          null, null, null, null));
    }
    if (random.nextInt(3) > 0) {
      add(event(null, user, t.plus(1, ChronoUnit.DAYS), "screen", "Screen Viewed", "app",
          "{\"name\":\"Home\"}", null, null, null, null));
    }
    boolean bought = random.nextInt(5) < 3;
    if (bought) {
      buy(user, t.plus(2, ChronoUnit.DAYS), random.nextBoolean() ? "web" : "app",
          19000 + 1000 * random.nextInt(120));
    } else if (random.nextBoolean()) {
      add(event(null, user, t.plus(2, ChronoUnit.DAYS), "track", "Checkout Started", "web", null,
          null, null, null, null));
    }
    if (random.nextInt(3) == 0) {
      Said s = NEGATIVE.get(random.nextInt(NEGATIVE.size()));
      String channel = random.nextBoolean() ? "chat" : "call_center";
      Instant opened = t.plus(4, ChronoUnit.DAYS);
      add(event(null, user, opened, "ticket", "Ticket Opened", channel,
          "{\"ticket_id\":\"T-" + i + "\"}", null, s, null, null));
      add(event(null, user, opened.plus(3 + random.nextInt(40), ChronoUnit.HOURS), "ticket",
          "Ticket Resolved", channel, "{\"ticket_id\":\"T-" + i + "\"}", null, null, null, null));
      add(event(null, user, opened.plus(2, ChronoUnit.DAYS), "survey_response", "CSAT Answered",
          "survey", null, null, null, 1.0 + random.nextInt(5), null));
    }
    if (bought && random.nextBoolean()) {
      Said s = random.nextInt(3) == 0 ? NEGATIVE.get(random.nextInt(NEGATIVE.size()))
          : POSITIVE.get(random.nextInt(POSITIVE.size()));
      add(event(null, user, t.plus(8, ChronoUnit.DAYS), "review", "Review Submitted", "review",
          null, null, s, s.sentiment > 0 ? 4.0 + random.nextInt(2) : 1.0 + random.nextInt(2),
          null));
    }
    if (random.nextBoolean()) {
      add(event(null, user, t.plus(10, ChronoUnit.DAYS), "survey_response", "NPS Answered",
          "survey", "{\"survey\":\"nps\"}", null, null, (double) random.nextInt(11), null));
    }
  }
}
