package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Product reviews: stars follow the product's latent quality, pulled down by a size problem, a
 * late delivery or a return; the text talks about the same experiences, often with mixed
 * feelings. Five-star reviewers sometimes share the product (advocacy).
 */
final class Reviews {
  private static final String[] NETWORKS = {"instagram", "kakaotalk", "naver_blog"};

  private Reviews() {}

  static void maybeWrite(Journey j, String orderId, Cart cart, long deliveredAt, boolean late,
      boolean sizeIssue, boolean returned) {
    Rand r = j.r;
    boolean bad = late || sizeIssue || returned;
    if (!r.chance(j.c.persona.reviewPerOrder * (bad ? 1.4 : 1.0))) {
      return;
    }
    Catalog.Product product = cart.items.get(r.between(0, cart.items.size() - 1));
    if (sizeIssue) {
      for (Catalog.Product p : cart.items) {
        if (p.sized()) {
          product = p;
          break;
        }
      }
    }
    long t = deliveredAt + r.between(1, 14) * Clock.DAY + r.between(0, 720) * Clock.MINUTE;
    double q = product.quality() + 0.6 * r.normal();
    if (sizeIssue) {
      q = Math.min(q, 2.2 + r.uniform());
    }
    if (late) {
      q -= 0.9;
    }
    if (returned && !sizeIssue) {
      q -= 1.5;
    }
    int stars = (int) Math.max(1, Math.min(5, Math.round(q)));
    List<TextComposer.Aspect> aspects = new ArrayList<>();
    int quality = stars >= 4 ? 1 : stars <= 2 ? -1 : (r.chance(0.5) ? 1 : -1);
    aspects.add(new TextComposer.Aspect("quality", quality));
    if (product.sized()) {
      if (sizeIssue) {
        aspects.add(new TextComposer.Aspect("size", -1));
      } else if (r.chance(0.35)) {
        aspects.add(new TextComposer.Aspect("size", 1));
      }
    }
    if (late && r.chance(0.8)) {
      aspects.add(new TextComposer.Aspect("delivery", -1));
    } else if (!late && r.chance(0.15)) {
      aspects.add(new TextComposer.Aspect("delivery", 1));
    }
    if (j.c.persona == Persona.DEAL_HUNTER && r.chance(0.35)) {
      aspects.add(new TextComposer.Aspect("price", stars >= 4 ? 1 : -1));
    }
    while (aspects.size() > 3) {
      aspects.remove(r.between(1, aspects.size() - 1));
    }
    if (stars == 3 && aspects.stream().allMatch(a -> a.polarity() == quality)) {
      aspects.add(new TextComposer.Aspect("general", -quality));
    }
    if (aspects.size() > 1 && r.chance(0.4)) {
      aspects.add(aspects.remove(0));
    }
    TextComposer.Composed text = j.text(TextComposer.Kind.REVIEW, aspects,
        new TextComposer.Slots(product.itemKo(), product.itemEn(), product.category(), orderId));
    String reviewId = Ids.reviewId(j.c.index, j.reviews++);
    if (!j.clock.inWindow(t)) {
      return;
    }
    j.row(t, DemoFile.REVIEWS, reviewId, j.c.userId, orderId, product.id(),
        j.c.korean ? product.nameKo() : product.nameEn(), product.category(), Clock.iso(t),
        Integer.toString(stars), text.text(), j.c.lang, "true",
        Integer.toString(r.between(0, stars <= 2 ? 14 : 6)));
    j.textTruth("review", reviewId, text);
    if (stars == 5 && r.chance(0.25)) {
      j.track(t + r.between(5, 120) * Clock.MINUTE, -1, "Product Shared", Journey.props("social")
          .put("product_id", product.id()).put("network", r.pick(NETWORKS)), null);
    }
  }
}
