package org.itinera.bench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic short customer texts (about 10-40 characters), seven Korean to three English, built
 * from fragments so that the benchmark needs no data file and every run sees the same texts.
 */
final class ShortTexts {
  private static final String[] KO_SUBJECT = {"배송이", "상담원이", "앱이", "환불이", "포장이", "가격이",
      "직원분이", "주문한 상품이", "쿠폰이", "결제가", "매장이", "교환이"};
  private static final String[] KO_PREDICATE = {"너무 느려요", "정말 친절했어요", "자꾸 튕겨요",
      "아직 안 됐어요", "꼼꼼했어요", "생각보다 비싸요", "최고예요", "안 와요 ㅠㅠ", "적용이 안 돼요",
      "빨라서 좋아요", "깨끗해요", "언제 되나요?"};
  private static final String[] KO_TAIL = {"", "", " 감사합니다", " 짜증나네요", " ㅋㅋ", " 걱정돼요",
      " 다음에 또 올게요", "!!"};
  private static final String[] EN_SUBJECT = {"The delivery", "Your agent", "The app", "My refund",
      "The packaging", "The price", "The staff", "My order", "The coupon", "Checkout"};
  private static final String[] EN_PREDICATE = {"is so slow", "was really helpful", "keeps crashing",
      "still hasn't arrived", "was neat", "is too high", "was great", "never came",
      "doesn't work", "was fast", "when will it ship?"};
  private static final String[] EN_TAIL = {"", "", " Thanks!", " Annoying.", " lol", " :(",
      " Love it."};

  private ShortTexts() {}

  static List<String> generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(10) < 7) {
        out.add(pick(r, KO_SUBJECT) + " " + pick(r, KO_PREDICATE) + pick(r, KO_TAIL));
      } else {
        out.add(pick(r, EN_SUBJECT) + " " + pick(r, EN_PREDICATE) + "." + pick(r, EN_TAIL));
      }
    }
    return out;
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }
}
