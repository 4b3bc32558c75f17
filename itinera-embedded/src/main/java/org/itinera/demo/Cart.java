package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/** The cart of one session: what was added, with quantities, and its value in won. */
final class Cart {
  final List<Catalog.Product> items = new ArrayList<>();
  final List<Integer> quantities = new ArrayList<>();
  private String id;

  String id() {
    return id;
  }

  /**
   * Adds the product (and sometimes a second one from the same category); {@code announce} is
   * false when the cart is restored from an earlier visit, so no Product Added is sent again.
   */
  void add(Session s, Catalog.Product product, boolean announce) {
    Journey j = s.j;
    if (id == null) {
      id = Ids.local("cart_", j.c.index, j.sessions);
    }
    put(s, product, j.r.chance(0.85) ? 1 : 2, announce);
    if (j.r.chance(0.3)) {
      put(s, Catalog.pick(j.r, Catalog.categoryIndex(product.category())), 1, announce);
    }
  }

  private void put(Session s, Catalog.Product product, int quantity, boolean announce) {
    items.add(product);
    quantities.add(quantity);
    if (announce) {
      s.j.track(s.t, s.slot, "Product Added", s.product(s.props(), product).put("cart_id", id)
          .put("quantity", quantity), s.context);
      s.t += 2000;
    }
  }

  long value() {
    long v = 0;
    for (int i = 0; i < items.size(); i++) {
      v += items.get(i).price() * quantities.get(i);
    }
    return v;
  }

  int quantity() {
    int q = 0;
    for (int n : quantities) {
      q += n;
    }
    return q;
  }

  boolean hasSized() {
    for (Catalog.Product p : items) {
      if (p.sized()) {
        return true;
      }
    }
    return false;
  }
}
