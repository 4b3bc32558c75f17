package org.itinera.demo;

import java.util.Map;

/**
 * Where things are on each web page, for click coordinates that make a believable heatmap.
 * Boxes are designed for a 1280-pixel desktop page; the mobile web page is the same layout
 * scaled to a 390-pixel viewport. Clicks scatter around a box's centre and stay inside it.
 */
final class Layout {
  /** A clickable (or tempting) area: name, x, y, width, height, relative click weight. */
  record Box(String element, int x, int y, int w, int h, double weight) {}

  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 800;
  static final int MOBILE_WIDTH = 390;
  static final int MOBILE_HEIGHT = 844;

  private static final Map<String, Box[]> PAGES = Map.of(
      "Home", new Box[] {
          new Box("search_box", 400, 20, 480, 40, 2), new Box("hero_banner", 0, 90, 1280, 420, 4),
          new Box("category_tiles", 80, 540, 1120, 200, 3), new Box("deal_carousel", 80, 780, 1120, 320, 3),
          new Box("login_button", 1150, 20, 100, 40, 1)},
      "Category", new Box[] {
          new Box("filter_sidebar", 40, 120, 240, 800, 2), new Box("product_grid", 300, 120, 940, 1400, 6),
          new Box("sort_dropdown", 1040, 80, 200, 36, 1)},
      "Search Results", new Box[] {
          new Box("search_box", 400, 20, 480, 40, 1), new Box("product_grid", 300, 120, 940, 1400, 6),
          new Box("filter_sidebar", 40, 120, 240, 800, 2)},
      "Product", new Box[] {
          new Box("image_gallery", 80, 140, 560, 560, 3), new Box("coupon_download", 700, 300, 220, 40, 2),
          new Box("size_selector", 700, 360, 400, 60, 2), new Box("add_to_cart", 700, 460, 400, 56, 4),
          new Box("wishlist", 1110, 460, 56, 56, 1), new Box("reviews_tab", 80, 760, 200, 48, 2),
          new Box("delivery_info", 700, 540, 400, 80, 1.5)},
      "Reviews", new Box[] {
          new Box("photo_reviews", 80, 140, 1120, 160, 2), new Box("review_list", 80, 320, 1120, 1400, 3),
          new Box("sort_reviews", 1000, 100, 200, 36, 1)},
      "Cart", new Box[] {
          new Box("quantity", 700, 200, 120, 40, 1), new Box("remove_item", 1160, 200, 40, 40, 1),
          new Box("coupon_input", 860, 520, 300, 44, 2), new Box("checkout_button", 860, 600, 340, 56, 5)},
      "Checkout", new Box[] {
          new Box("address_form", 80, 160, 640, 420, 2), new Box("payment_methods", 80, 620, 640, 260, 3),
          new Box("terms_checkbox", 760, 660, 24, 24, 1), new Box("pay_button", 760, 720, 400, 64, 5)},
      "Promotions", new Box[] {
          new Box("promo_banner", 0, 90, 1280, 360, 3), new Box("coupon_download", 480, 480, 320, 56, 4),
          new Box("deal_grid", 80, 600, 1120, 1200, 4)},
      "Order Complete", new Box[] {
          new Box("order_details", 480, 300, 320, 180, 1), new Box("continue_shopping", 480, 520, 320, 56, 2)},
      "Sign Up", new Box[] {
          new Box("signup_form", 440, 160, 400, 420, 3), new Box("kakao_signup", 440, 600, 400, 56, 3),
          new Box("submit", 440, 680, 400, 56, 3)});

  private Layout() {}

  static boolean has(String page) {
    return PAGES.containsKey(page);
  }

  static Box pick(Rand rand, String page) {
    Box[] boxes = PAGES.get(page);
    double[] w = new double[boxes.length];
    for (int i = 0; i < boxes.length; i++) {
      w[i] = boxes[i].weight();
    }
    return boxes[rand.weighted(w)];
  }

  static Box box(String page, String element) {
    for (Box b : PAGES.get(page)) {
      if (b.element().equals(element)) {
        return b;
      }
    }
    throw new IllegalArgumentException(page + " has no element " + element);
  }

  /** Click position {x, y} inside the box, concentrated near its centre, in page pixels. */
  static int[] click(Rand rand, Box b, boolean mobile) {
    double fx = clamp(0.5 + 0.18 * rand.normal());
    double fy = clamp(0.5 + 0.18 * rand.normal());
    double x = b.x() + fx * b.w();
    double y = b.y() + fy * b.h();
    if (mobile) {
      double scale = (double) MOBILE_WIDTH / DESKTOP_WIDTH;
      x *= scale;
      y *= 1.6;
    }
    return new int[] {(int) x, (int) y};
  }

  private static double clamp(double v) {
    return Math.max(0.02, Math.min(0.98, v));
  }
}
