package org.itinera.demo;

/**
 * The planted pain points: what goes wrong, where in the journey, and the evidence it leaves.
 * Incidence and effects live in {@link Planted}; {@link TruthFactory} describes them.
 */
enum PainPoint {
  PAYMENT_ERROR("payment_error", "결제 오류", "Payment error at checkout", "purchase", "payment",
      "Checkout Error event after Checkout Started; chat and call tickets (category payment); "
          + "CES comments; rage clicks on the pay button"),
  APP_CRASH("app_crash", "앱 튕김", "App crashes", "consideration", "app",
      "Application Crashed ends the app session; Application Uninstalled; in-app feedback and "
          + "e-mail tickets (category app)"),
  DELIVERY_DELAY("delivery_delay", "배송 지연", "Late delivery", "retention", "delivery",
      "Order Delivered with days_late > 0; 'where is my order' tickets (category delivery); "
          + "review and NPS comments"),
  SIZE_FIT("size_fit", "사이즈 불만", "Size and fit", "retention", "size",
      "Order Returned with reason size; low-star reviews about size"),
  REFUND_HASSLE("refund_hassle", "환불 번거로움", "Refund hassle", "retention", "refund",
      "Order Refunded with days_to_refund >= 9; repeated tickets (category refund)"),
  RUDE_SUPPORT("rude_support", "불친절한 상담", "Rude support", "retention", "support",
      "Tickets handled mostly by agents A07 and A19; CSAT 1-2 with comments about the agent");

  final String id;
  final String labelKo;
  final String labelEn;
  final String stage;
  final String topic;
  final String evidence;

  PainPoint(String id, String labelKo, String labelEn, String stage, String topic, String evidence) {
    this.id = id;
    this.labelKo = labelKo;
    this.labelEn = labelEn;
    this.stage = stage;
    this.topic = topic;
    this.evidence = evidence;
  }
}
