package org.itinera.journal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a customer's journey in a few sentences, each built from specific events and carrying
 * their ids: how they found us, what they did before buying, what they bought, where they
 * struggled (in their own words, verbatim), how it was resolved, and how it ended — came back,
 * recommended us, or left. A rule that finds no evidence writes nothing: no sentence without
 * events behind it.
 */
final class StoryWriter {
  private static final int MAX_QUOTES = 3;
  private static final int MAX_TICKETS = 3;

  private final Lang lang;
  private final Phrases p;
  private final List<Touch> touches;
  private final Map<String, Entry> entries;
  private final ProfileCard profile;
  private final long now;
  private final List<StorySentence> out = new ArrayList<>();

  StoryWriter(Lang lang, List<Touch> touches, Map<String, Entry> entries, ProfileCard profile,
      long now) {
    this.lang = lang;
    this.p = new Phrases(lang);
    this.touches = touches;
    this.entries = entries;
    this.profile = profile;
    this.now = now;
  }

  List<StorySentence> write() {
    if (touches.isEmpty()) {
      return List.of();
    }
    firstContact();
    int firstPurchase = indexOfFirstPurchase();
    beforeBuying(firstPurchase);
    purchases(firstPurchase);
    checkoutDropOff();
    int firstStruggle = struggles();
    tickets();
    cameBack(firstStruggle);
    advocacy();
    ending();
    return out;
  }

  private void say(String en, String ko, List<String> eventIds) {
    out.add(new StorySentence(lang == Lang.KO ? ko : en, eventIds));
  }

  private void firstContact() {
    Touch t = touches.get(0);
    String ch = p.channel(t.event.channel());
    String what = t.event.name() == null ? "" : " (" + t.event.name() + ")";
    say("They first came to us on " + p.date(t.event.ts()) + " through " + ch + what + ".",
        p.date(t.event.ts()) + "에 " + ch + Phrases.josa(ch, "을", "를") + " 통해 처음 우리를"
            + " 만났습니다" + what + ".",
        List.of(t.event.eventId()));
  }

  private int indexOfFirstPurchase() {
    for (int i = 0; i < touches.size(); i++) {
      if (touches.get(i).purchase()) {
        return i;
      }
    }
    return -1;
  }

  private void beforeBuying(int firstPurchase) {
    int end = firstPurchase < 0 ? touches.size() : firstPurchase;
    if (end < 2) {
      return;
    }
    List<String> ids = new ArrayList<>();
    Set<String> channels = new LinkedHashSet<>();
    for (int i = 0; i < end; i++) {
      ids.add(touches.get(i).event.eventId());
      if (touches.get(i).event.channel() != null) {
        channels.add(touches.get(i).event.channel());
      }
    }
    // The span as it was: 30 minutes reads as 30 minutes, not as "1 day".
    String span = p.duration(Math.max(1, Math.round(
        (touches.get(end - 1).event.ts() - touches.get(0).event.ts()) / 60_000.0)));
    String chs = p.channels(new ArrayList<>(channels));
    if (firstPurchase >= 0) {
      say("Before their first purchase they had " + end + " interactions over " + span
              + ", on " + chs + ".",
          "첫 구매 전 " + span + " 동안 " + chs + "에서 " + end + "번 상호작용했습니다.", ids);
    } else {
      say("Over " + span + " they had " + end + " interactions on " + chs + ", without buying.",
          span + " 동안 " + chs + "에서 " + end + "번 상호작용했지만 구매하지 않았습니다.", ids);
    }
  }

  private void purchases(int firstPurchase) {
    if (firstPurchase < 0) {
      return;
    }
    Touch first = touches.get(firstPurchase);
    List<String> ids = new ArrayList<>();
    for (Touch t : touches) {
      if (t.purchase()) {
        ids.add(t.event.eventId());
      }
    }
    String amount = first.event.revenue() == null ? ""
        : " (" + p.money(first.event.revenue(), first.event.currency()) + ")";
    String total = p.money(profile.lifetimeValue(), profile.currency());
    if (ids.size() == 1) {
      say("They bought on " + p.date(first.event.ts()) + amount + ".",
          p.date(first.event.ts()) + "에 구매했습니다" + amount + ".", ids);
    } else {
      say("They first bought on " + p.date(first.event.ts()) + amount + "; " + ids.size()
              + " orders in all, " + total + " in total.",
          p.date(first.event.ts()) + "에 처음 구매했고" + amount + ", 지금까지 " + ids.size()
              + "번 주문해 총 " + total + Phrases.josa(total, "을", "를") + " 썼습니다.", ids);
    }
  }

  private void checkoutDropOff() {
    if (!profile.flags().contains("checkout_drop_off")) {
      return;
    }
    Touch last = null;
    for (Touch t : touches) {
      if (t.checkoutStarted() || t.cartAbandoned()) {
        last = t;
      }
    }
    if (last != null) {
      say("On " + p.date(last.event.ts()) + " they started checkout but did not complete the"
              + " order.",
          p.date(last.event.ts()) + "에 결제를 시작했지만 주문을 완료하지 않았습니다.",
          List.of(last.event.eventId()));
    }
  }

  /** Quotes the customer's most negative words; returns the index of the first, or -1. */
  private int struggles() {
    List<Integer> negative = new ArrayList<>();
    for (int i = 0; i < touches.size(); i++) {
      if (touches.get(i).negativeText()) {
        negative.add(i);
      }
    }
    if (negative.isEmpty()) {
      return -1;
    }
    List<Integer> worst = new ArrayList<>(negative);
    worst.sort((a, b) -> Double.compare(touches.get(a).event.sentiment(),
        touches.get(b).event.sentiment()));
    List<Integer> shown = new ArrayList<>(worst.subList(0, Math.min(MAX_QUOTES, worst.size())));
    shown.sort(Integer::compare);
    for (int i : shown) {
      Touch t = touches.get(i);
      String ch = p.channel(t.event.channel());
      say("On " + p.date(t.event.ts()) + ", through " + ch + ", they wrote: “" + t.event.text()
              + "”",
          p.date(t.event.ts()) + ", " + ch + "에서 이렇게 남겼습니다: “" + t.event.text() + "”",
          List.of(t.event.eventId()));
    }
    return negative.get(0);
  }

  private void tickets() {
    int shown = 0;
    Set<String> resolved = new HashSet<>();
    for (Touch t : touches) {
      Entry e = entries.get(t.event.eventId());
      if (e != null && e.resolutionMinutes() != null && shown < MAX_TICKETS) {
        resolved.add(t.ticketId());
        String ch = p.channel(t.event.channel());
        String d = p.duration(e.resolutionMinutes());
        say("Their ticket through " + ch + " was resolved " + d + " after it was opened.",
            ch + " 문의는 접수 후 " + d + " 만에 해결되었습니다.", List.of(t.event.eventId()));
        shown++;
      } else if (t.ticketResolved()) {
        resolved.add(t.ticketId());
      }
    }
    Set<String> reported = new HashSet<>();
    List<Touch> open = new ArrayList<>();
    for (Touch t : touches) {
      String id = t.ticketId();
      if (id != null && t.negativeText() && !resolved.contains(id) && reported.add(id)) {
        open.add(t);
      }
    }
    if (open.size() == 1) {
      Touch t = open.get(0);
      say("The ticket they opened on " + p.date(t.event.ts()) + " is still unresolved.",
          p.date(t.event.ts()) + "에 접수한 문의는 아직 해결되지 않았습니다.",
          List.of(t.event.eventId()));
    } else if (open.size() > 1) {
      // One sentence for many: a story of a long history stays a story, not a ticket list.
      long first = open.get(0).event.ts();
      long last = open.get(open.size() - 1).event.ts();
      say(open.size() + " tickets they opened between " + p.date(first) + " and "
              + p.date(last) + " are still unresolved.",
          p.date(first) + "부터 " + p.date(last) + "까지 접수한 문의 " + open.size()
              + "건이 아직 해결되지 않았습니다.",
          open.stream().map(t -> t.event.eventId()).toList());
    }
  }

  private void cameBack(int firstStruggle) {
    if (firstStruggle < 0) {
      return;
    }
    for (int i = firstStruggle + 1; i < touches.size(); i++) {
      Touch t = touches.get(i);
      if (t.purchase()) {
        say("After that, they came back and bought again on " + p.date(t.event.ts()) + ".",
            "그 후 " + p.date(t.event.ts()) + "에 다시 돌아와 구매했습니다.",
            List.of(touches.get(firstStruggle).event.eventId(), t.event.eventId()));
        return;
      }
    }
  }

  private void advocacy() {
    Touch nps = null;
    Touch review = null;
    Touch referral = null;
    for (Touch t : touches) {
      if (t.nps()) {
        nps = t;
      } else if (t.review() && t.event.rating() != null) {
        review = t;
      }
      if (t.referral()) {
        referral = t;
      }
    }
    if (nps != null) {
      long r = Math.round(nps.event.rating());
      String kindEn = r >= 9 ? "a promoter" : r >= 7 ? "a passive" : "a detractor";
      String kindKo = r >= 9 ? "추천 고객" : r >= 7 ? "중립 고객" : "비추천 고객";
      say("They rated us " + r + " out of 10 when asked whether they would recommend us ("
              + kindEn + ").",
          "추천 의향을 묻는 설문에서 10점 만점에 " + r + "점을 주었습니다 (" + kindKo + ").",
          List.of(nps.event.eventId()));
    }
    if (review != null) {
      long stars = Math.round(review.event.rating());
      String quote = review.event.text() == null ? "." : ": “" + review.event.text() + "”";
      say("They left a " + stars + "-star review" + quote,
          "별점 " + stars + "점 리뷰를 남겼습니다" + quote, List.of(review.event.eventId()));
    }
    if (referral != null) {
      say("On " + p.date(referral.event.ts()) + " they recommended us to someone else.",
          p.date(referral.event.ts()) + "에 다른 사람에게 우리를 추천했습니다.",
          List.of(referral.event.eventId()));
    }
  }

  private void ending() {
    Touch uninstall = null;
    for (Touch t : touches) {
      if (t.uninstall()) {
        uninstall = t;
      }
    }
    Touch last = touches.get(touches.size() - 1);
    if (uninstall != null) {
      say("They uninstalled the app on " + p.date(uninstall.event.ts()) + ".",
          p.date(uninstall.event.ts()) + "에 앱을 삭제했습니다.",
          List.of(uninstall.event.eventId()));
    }
    if (now - last.event.ts() > ProfileCards.INACTIVE_MS) {
      say("They have not been back since " + p.date(last.event.ts()) + ".",
          p.date(last.event.ts()) + " 이후로 다시 찾아오지 않았습니다.",
          List.of(last.event.eventId()));
    }
  }
}
