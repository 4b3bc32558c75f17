package org.itinera.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The shop's catalogue: a fixed list of products (the same for every seed, like a real shop's)
 * in seven categories, each with a Korean and an English name, a price in won and a latent
 * quality that drives review stars.
 */
final class Catalog {
  /** A product on sale; {@code sized} products can fit badly. */
  record Product(String id, String category, String nameKo, String nameEn, String itemKo,
      String itemEn, long price, double quality, boolean sized) {}

  private static final String[][] BRANDS = {
      {"달빛", "Dalbit"}, {"모노로그", "Monologue"}, {"숲결", "Soopgyeol"}};
  private static final double[] BRAND_PRICE = {1.0, 1.35, 0.8};

  // category, Korean item, English item, base price (KRW), sized
  private static final Object[][] ITEMS = {
      {"fashion", "니트 가디건", "knit cardigan", 39_900, true},
      {"fashion", "린넨 셔츠", "linen shirt", 32_900, true},
      {"fashion", "와이드 슬랙스", "wide-leg slacks", 35_900, true},
      {"fashion", "데님 자켓", "denim jacket", 59_900, true},
      {"fashion", "롱 원피스", "maxi dress", 49_900, true},
      {"fashion", "후드티", "hoodie", 29_900, true},
      {"fashion", "트렌치코트", "trench coat", 119_000, true},
      {"fashion", "청바지", "jeans", 45_900, true},
      {"fashion", "패딩 점퍼", "puffer jacket", 149_000, true},
      {"sports", "러닝화", "running shoes", 89_000, true},
      {"sports", "레깅스", "leggings", 29_900, true},
      {"sports", "요가 매트", "yoga mat", 24_900, false},
      {"sports", "등산화", "hiking boots", 129_000, true},
      {"sports", "트레이닝 팬츠", "track pants", 34_900, true},
      {"beauty", "수분 크림", "moisturizing cream", 28_000, false},
      {"beauty", "선크림", "sunscreen", 18_900, false},
      {"beauty", "쿠션 팩트", "cushion compact", 32_000, false},
      {"beauty", "립 틴트", "lip tint", 14_900, false},
      {"beauty", "토너 패드", "toner pads", 21_900, false},
      {"beauty", "클렌징 오일", "cleansing oil", 19_900, false},
      {"electronics", "무선 이어폰", "wireless earbuds", 89_000, false},
      {"electronics", "보조배터리", "power bank", 32_900, false},
      {"electronics", "USB-C 충전기", "USB-C charger", 25_900, false},
      {"electronics", "블루투스 스피커", "Bluetooth speaker", 59_000, false},
      {"electronics", "휴대폰 케이스", "phone case", 15_900, false},
      {"electronics", "기계식 키보드", "mechanical keyboard", 99_000, false},
      {"home", "텀블러", "tumbler", 19_800, false},
      {"home", "극세사 이불", "microfiber duvet", 69_000, false},
      {"home", "무드등", "mood lamp", 27_900, false},
      {"home", "수납 정리함", "storage box", 16_900, false},
      {"home", "프라이팬", "frying pan", 38_000, false},
      {"home", "디퓨저", "diffuser", 24_000, false},
      {"kids", "유아 내복", "baby pajamas", 22_900, true},
      {"kids", "아기 물티슈", "baby wipes", 12_900, false},
      {"kids", "블록 장난감", "building blocks", 34_900, false},
      {"kids", "키즈 운동화", "kids sneakers", 39_900, true},
      {"food", "제주 감귤", "Jeju tangerines", 24_900, false},
      {"food", "김치 세트", "kimchi set", 32_000, false},
      {"food", "견과류 선물세트", "nut gift set", 29_900, false},
      {"food", "드립 커피", "drip coffee", 18_900, false},
      {"food", "한우 선물세트", "Hanwoo beef gift set", 159_000, false},
  };

  static final List<Product> PRODUCTS;
  private static final List<List<Product>> BY_CATEGORY = new ArrayList<>();

  static {
    Rand rand = new Rand(20_250_101L);
    List<Product> all = new ArrayList<>();
    for (int i = 0; i < ITEMS.length; i++) {
      Object[] item = ITEMS[i];
      for (int b = 0; b < BRANDS.length; b++) {
        long price = Math.round(((Integer) item[3]) * BRAND_PRICE[b] / 100.0) * 100 - 100;
        double quality = Math.min(4.9, Math.max(2.8, 4.0 + 0.45 * rand.normal()));
        String id = "P" + (1000 + i * BRANDS.length + b);
        all.add(new Product(id, (String) item[0], "[" + BRANDS[b][0] + "] " + item[1],
            BRANDS[b][1] + " " + item[2], (String) item[1], (String) item[2], price, quality,
            (Boolean) item[4]));
      }
    }
    PRODUCTS = List.copyOf(all);
    for (String category : Persona.INTERESTS) {
      BY_CATEGORY.add(all.stream().filter(p -> p.category().equals(category)).toList());
    }
  }

  private Catalog() {}

  static Product pick(Rand rand, int category) {
    return rand.pick(BY_CATEGORY.get(category));
  }

  static int categoryIndex(String category) {
    for (int i = 0; i < Persona.INTERESTS.length; i++) {
      if (Persona.INTERESTS[i].equals(category)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown category " + category);
  }
}
