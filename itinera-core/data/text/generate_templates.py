"""Expands hand-written slot lists into short customer-service sentences for domain adaptation.

Deterministic (fixed seed); run `python3 generate_templates.py` here to rewrite
cs-train-templated-ko.tsv and cs-train-templated-en.tsv. These rows are training data only.
"""
import random

rng = random.Random(20240501)

def josa(word, with_final, without_final):
    c = word[-1]
    if '가' <= c <= '힣':
        return with_final if (ord(c) - 0xAC00) % 28 else without_final
    return with_final

KO_TOPICS = ["배송", "환불", "교환", "반품", "주문 취소", "쿠폰", "포인트", "멤버십", "예약", "결제",
             "영수증", "회원가입", "비밀번호 변경", "주소 변경", "요금제", "설치", "A/S", "재고", "사이즈",
             "할부", "정기배송", "선물 포장", "현금영수증", "배송지 변경", "적립금", "계좌 변경", "해지",
             "명의 변경", "예약 취소", "체크인"]
KO_ASK = ["{t} 관련해서 문의드립니다", "{t}{eun} 어떻게 하나요?", "{t} 확인 부탁드립니다",
          "{t}{eun} 언제 가능한가요?", "{t} 방법 알려주세요", "{t} 가능한가요?",
          "{t} 일정이 궁금해요", "{t} 신청하려고 합니다", "{t} 건으로 연락드렸어요",
          "{t} 진행 상황 알려주세요", "{t} 관련 안내 부탁드려요", "{t}{eun} 어디서 하나요"]
KO_POS = {
    "배송": ["빨라요", "정말 빨랐어요", "생각보다 빨리 왔어요"],
    "포장": ["꼼꼼해요", "깔끔했어요", "튼튼하게 잘 돼 있었어요"],
    "상담": ["친절했어요", "정말 도움이 됐어요", "빠르고 정확했어요"],
    "직원분": ["친절하세요", "정말 상냥하셨어요", "꼼꼼하게 챙겨주셨어요"],
    "품질": ["좋아요", "기대 이상이에요", "훌륭해요"],
    "가격": ["착해요", "합리적이에요", "저렴해서 좋아요"],
    "앱": ["편해요", "빠르고 깔끔해요", "쓰기 쉬워요"],
    "환불 처리": ["빨랐어요", "깔끔했어요", "금방 끝났어요"],
    "맛": ["최고예요", "정말 좋아요", "훌륭했어요"],
    "디자인": ["예뻐요", "마음에 쏙 들어요", "세련됐어요"],
    "숙소": ["깨끗했어요", "아늑하고 좋았어요", "위치도 좋고 편했어요"],
    "설치": ["금방 끝났어요", "깔끔하게 해주셨어요", "간단했어요"],
}
KO_NEG = {
    "배송": ["너무 느려요", "일주일째 안 와요", "또 늦어지네요"],
    "포장": ["엉망이었어요", "다 찢어져서 왔어요", "너무 허술해요"],
    "상담": ["불친절했어요", "아무 도움이 안 됐어요", "연결이 안 돼요"],
    "직원분": ["불친절하세요", "너무 무례했어요", "설명을 제대로 안 해주셨어요"],
    "품질": ["별로예요", "기대 이하예요", "너무 떨어져요"],
    "가격": ["너무 비싸요", "터무니없어요", "품질에 비해 비싸요"],
    "앱": ["자꾸 튕겨요", "너무 느려요", "로그인이 안 돼요"],
    "환불 처리": ["너무 느려요", "아직도 안 됐어요", "계속 미뤄지네요"],
    "맛": ["별로였어요", "너무 짜요", "예전만 못해요"],
    "디자인": ["사진이랑 달라요", "촌스러워요", "실물이 별로예요"],
    "숙소": ["더러웠어요", "너무 시끄러웠어요", "사진이랑 너무 달라요"],
    "설치": ["약속 시간에 안 오셨어요", "엉망으로 해놨어요", "계속 미뤄졌어요"],
}
KO_INTENS = ["", "", "정말 ", "진짜 ", "너무 "]
KO_TAIL_POS = ["", "", " 감사합니다", " ^^", " ㅎㅎ", "!", " 👍", " 최고"]
KO_TAIL_NEG = ["", "", " ㅠㅠ", " ㅡㅡ", "...", " 실망이에요", " 짜증나요", "!!"]

EN_TOPICS = ["delivery", "refund", "exchange", "return", "order cancellation", "coupon", "points",
             "membership", "reservation", "payment", "receipt", "sign-up", "password reset",
             "address change", "plan change", "installation", "repair", "stock", "sizing",
             "installments", "subscription", "gift wrapping", "invoice", "account", "check-in",
             "warranty", "pickup", "billing date", "booking", "shipping fee"]
EN_ASK = ["I have a question about the {t}.", "How does the {t} work?", "Please check the {t}.",
          "When is the {t} possible?", "Can you explain the {t} process?", "Is a {t} possible?",
          "What's the schedule for the {t}?", "I'd like to request a {t}.", "Contacting you about the {t}.",
          "Any update on the {t}?", "Where do I go for the {t}?", "Could you send info on the {t}?"]
EN_POS = {
    "delivery": ["was fast", "came earlier than expected", "was super quick"],
    "packaging": ["was neat", "was careful and tidy", "was solid"],
    "support": ["was friendly", "was really helpful", "was quick and accurate"],
    "staff": ["were kind", "were lovely", "were attentive"],
    "quality": ["is great", "exceeded expectations", "is excellent"],
    "price": ["is fair", "is reasonable", "is a bargain"],
    "app": ["is easy to use", "is fast and clean", "works great"],
    "refund": ["was quick", "was painless", "was done in a day"],
    "food": ["was delicious", "was amazing", "was tasty"],
    "design": ["is beautiful", "is lovely", "looks great"],
    "room": ["was clean", "was cosy", "was spotless"],
    "installation": ["was quick", "was tidy", "went smoothly"],
}
EN_NEG = {
    "delivery": ["is so slow", "still hasn't arrived", "got delayed again"],
    "packaging": ["was a mess", "arrived torn", "was flimsy"],
    "support": ["was rude", "was useless", "never answers"],
    "staff": ["were rude", "were unhelpful", "ignored me"],
    "quality": ["is poor", "is below expectations", "is awful"],
    "price": ["is way too high", "is outrageous", "isn't worth it"],
    "app": ["keeps crashing", "is painfully slow", "won't let me log in"],
    "refund": ["is taking forever", "still isn't done", "keeps getting delayed"],
    "food": ["was bland", "was too salty", "was cold"],
    "design": ["looks nothing like the photos", "is tacky", "looks cheap"],
    "room": ["was dirty", "was noisy", "was nothing like the pictures"],
    "installation": ["never happened on time", "was sloppy", "got postponed again"],
}
EN_INTENS = ["", "", "really ", "honestly "]
EN_TAIL_POS = ["", "", " Thanks!", " :)", " Love it.", "!", " 👍"]
EN_TAIL_NEG = ["", "", " :(", " Ugh.", "...", " Disappointed.", " So annoying.", "!!"]

def ko_rows():
    rows = []
    for t in KO_TOPICS:
        for ask in rng.sample(KO_ASK, 5):
            rows.append(("neu", ask.format(t=t, eun=josa(t, "은", "는"))))
    for table, label, tails in ((KO_POS, "pos", KO_TAIL_POS), (KO_NEG, "neg", KO_TAIL_NEG)):
        for aspect, preds in table.items():
            for p in preds:
                for _ in range(2):
                    s = aspect + josa(aspect, "이", "가") + " " + rng.choice(KO_INTENS) + p + rng.choice(tails)
                    rows.append((label, s))
    return rows

def en_rows():
    rows = []
    for t in EN_TOPICS:
        for ask in rng.sample(EN_ASK, 5):
            s = ask.format(t=t)
            if s.startswith("Is a ") and t[0] in "aeiou":
                s = s.replace("Is a ", "Is an ", 1)
            if "request a " in s and t[0] in "aeiou":
                s = s.replace("request a ", "request an ", 1)
            rows.append(("neu", s))
    for table, label, tails in ((EN_POS, "pos", EN_TAIL_POS), (EN_NEG, "neg", EN_TAIL_NEG)):
        for aspect, preds in table.items():
            for p in preds:
                for _ in range(2):
                    words = p.split(" ", 1)
                    pred = words[0] + " " + rng.choice(EN_INTENS) + words[1] if len(words) > 1 else p
                    s = "The " + aspect + " " + pred.replace("  ", " ") + "." + rng.choice(tails)
                    rows.append((label, s))
    return rows


# Feelings voiced about a situation: worry, disappointment, frustration, relief and thanks,
# and negation both ways ("불편한 점 없었어요" is praise, "좋지 않아요" a complaint).
KO_THINGS = ["주문", "택배", "환불", "예약", "결제", "서류", "보험금", "교환품", "수리", "설치 일정",
             "탑승권", "입금", "가입 승인", "재발급 카드", "선물"]
KO_STATE = ["아직 안 왔는데", "조회가 안 되는데", "확정이 안 났는데", "처리가 안 됐는데",
            "연락이 없는데", "며칠째 그대로인데"]
KO_WORRY = ["걱정돼요", "불안해요", "괜찮은 건가요?", "혹시 문제가 생긴 건 아닐까요?", "초조하네요",
            "어떡하죠 ㅠㅠ", "제때 받을 수 있을까요?", "잘못된 건 아닌지 걱정이에요", "마음이 급해요",
            "찜찜하네요"]
KO_ASPECTS = ["배송", "포장", "상담", "품질", "가격", "앱", "맛", "디자인", "숙소", "서비스", "응대",
              "직원 태도", "사이즈", "음질", "혜택"]
KO_DISAPPOINT = ["기대했는데 {a}{i} 별로네요", "{a}{i} 예전 같지 않아서 아쉬워요",
                 "{a} 때문에 속상했어요", "{a}{i} 생각보다 아쉬웠어요", "{a}{i} 기대 이하라 실망했어요",
                 "{a}{eun} 그냥 그랬어요 다시는 안 살 듯", "{a}{i} 조금만 더 좋았으면 좋았을 텐데요",
                 "{a}{i} 광고랑 달라서 서운하네요"]
KO_FRUSTRATE = ["{t} 문제로 벌써 세 번째 연락드립니다 ㅡㅡ", "{t} 아직도 해결이 안 됐어요 진짜 화나네요",
                "몇 번을 말해야 {t} 처리해 주실 건가요", "{t} 때문에 하루 종일 전화만 했어요 짜증나요",
                "{t} 건 답변 좀 주세요 언제까지 기다려야 하나요", "{t} 처리를 이렇게 하시면 어떡합니까",
                "{t} 관련해서 아무도 책임을 안 지네요 어이없어요"]
KO_JOY = ["{a}{i} 너무 좋았어요", "{a} 덕분에 기분 좋았어요", "{a} 불편한 점 하나도 없었어요",
          "{a} 걱정했는데 괜찮았어요", "{a}{i} 기대 이상이었어요", "{a}{i} 나쁘지 않아요 오히려 좋아요",
          "{a} 불만 없어요 만족합니다", "{a}{i} 마음에 쏙 들어요", "{a}까지 완벽했어요 감사합니다"]
KO_NEG_NEGATION = ["{a}{i} 좋지 않아요", "{a}{i} 별로 안 좋았어요", "{a}{i} 만족스럽지 않아요",
                   "{a}{i} 생각만큼 좋진 않네요", "{a}{eun} 추천하고 싶지 않아요"]
KO_STATEMENTS = ["{t} 관련 서류 첨부했습니다", "{t} 건은 어제 접수했어요", "{t} 일정 메모 남겼습니다",
                 "{t} 내역 캡처해서 보내드려요", "{t} 정보 업데이트했어요", "{t} 건으로 전화드렸던 사람입니다"]

EN_THINGS = ["order", "parcel", "refund", "booking", "payment", "document", "insurance claim",
             "replacement", "repair", "installation", "boarding pass", "deposit", "account approval",
             "new card", "gift"]
EN_STATE = ["still hasn't arrived", "isn't showing up", "hasn't been confirmed", "hasn't been processed",
            "has had no update", "has been stuck for days"]
EN_WORRY = ["and I'm worried.", "and I'm getting anxious.", "- is that normal?", "- did something go wrong?",
            "and I'm nervous about it.", "- what should I do? :(", "- will it arrive in time?",
            "and I'm scared it got lost.", "and I really need it soon.", "and it feels sketchy."]
EN_ASPECTS = ["delivery", "packaging", "support", "quality", "price", "app", "food", "design", "room",
              "service", "staff", "fit", "sound", "rewards program"]
EN_DISAPPOINT = ["I expected more from the {a}.", "The {a} isn't what it used to be, sadly.",
                 "The {a} was a letdown.", "Honestly the {a} was underwhelming.",
                 "The {a} fell short of my expectations.", "The {a} was just okay, won't buy again.",
                 "Wish the {a} were a little better.", "The {a} doesn't match the ads, a bit sad."]
EN_FRUSTRATE = ["Third time contacting you about my {t}.", "My {t} is STILL not resolved, I'm angry.",
                "How many times do I have to ask about my {t}?", "Spent all day on the phone about my {t}. Fed up.",
                "Answer me about my {t} already.", "This is no way to handle a {t}.",
                "Nobody takes responsibility for my {t}, ridiculous."]
EN_JOY = ["The {a} was lovely.", "The {a} made my day.", "No problems at all with the {a}.",
          "I was worried about the {a} but it was fine.", "The {a} exceeded my expectations.",
          "The {a} was not bad at all, actually great.", "No complaints about the {a}, very satisfied.",
          "Absolutely love the {a}.", "The {a} was painless and quick, thank you."]
EN_NEG_NEGATION = ["The {a} wasn't good.", "The {a} was not great at all.", "Not happy with the {a}.",
                   "The {a} wasn't as good as I hoped.", "I wouldn't recommend the {a}."]
EN_STATEMENTS = ["I attached the {t} documents.", "I filed the {t} yesterday.", "I left a note about the {t}.",
                 "Sending you a screenshot of the {t}.", "I updated the {t} details.",
                 "I called earlier about the {t}."]

def ko_feelings():
    rows = []
    for t in KO_THINGS:
        for st in rng.sample(KO_STATE, 2):
            for w in rng.sample(KO_WORRY, 2):
                rows.append(("neg", t + josa(t, "이", "가") + " " + st + " " + w))
        for f in rng.sample(KO_FRUSTRATE, 3):
            rows.append(("neg", f.format(t=t)))
        for s in rng.sample(KO_STATEMENTS, 2):
            rows.append(("neu", s.format(t=t)))
    for a in KO_ASPECTS:
        fill = dict(a=a, i=josa(a, "이", "가"), eun=josa(a, "은", "는"))
        for d in rng.sample(KO_DISAPPOINT, 3):
            rows.append(("neg", d.format(**fill)))
        for j in rng.sample(KO_JOY, 4):
            rows.append(("pos", j.format(**fill)))
        for n in rng.sample(KO_NEG_NEGATION, 2):
            rows.append(("neg", n.format(**fill)))
    return rows

def en_feelings():
    rows = []
    for t in EN_THINGS:
        for st in rng.sample(EN_STATE, 2):
            for w in rng.sample(EN_WORRY, 2):
                rows.append(("neg", "My " + t + " " + st + " " + w))
        for f in rng.sample(EN_FRUSTRATE, 3):
            rows.append(("neg", f.format(t=t)))
        for s in rng.sample(EN_STATEMENTS, 2):
            rows.append(("neu", s.format(t=t)))
    for a in EN_ASPECTS:
        for d in rng.sample(EN_DISAPPOINT, 3):
            rows.append(("neg", d.format(a=a)))
        for j in rng.sample(EN_JOY, 4):
            rows.append(("pos", j.format(a=a)))
        for n in rng.sample(EN_NEG_NEGATION, 2):
            rows.append(("neg", n.format(a=a)))
    return rows

for name, rows in (("ko", ko_rows() + ko_feelings()), ("en", en_rows() + en_feelings())):
    seen = set()
    with open(f"cs-train-templated-{name}.tsv", "w", encoding="utf-8") as f:
        f.write("# label\ttext   (generated by generate_templates.py; training only)\n")
        for label, text in rows:
            if text not in seen:
                seen.add(text)
                f.write(f"{label}\t{text}\n")
