// A customer's journal: profile card, the story (each sentence highlights the events it is
// about), and the timeline of episodes. Contract: GET /api/customers/{id}/journal?lang and
// GET /api/customers/{id} (identities).

import {h} from '../dom.js';
import {t, tn, fmt, label, lang} from '../i18n.js';
import {get} from '../api.js';

export async function render(view, ctx) {
  const id = ctx.arg;
  view.append(h('div', {class: 'loading'}, t('common.loading')));
  const [journal, card] = await Promise.all([
    get(`/api/customers/${encodeURIComponent(id)}/journal`, {lang: lang()}),
    get(`/api/customers/${encodeURIComponent(id)}`),
  ]);
  if (!ctx.alive()) return;
  const p = journal.profile;
  ctx.setTitle(displayName(p) + ' · ' + t('journal.title'));
  view.replaceChildren(
    h('p', {}, h('a', {href: '#/customers'}, '← ' + t('journal.back'))),
    h('div', {class: 'journal'}, profile(p, card, journal), h('div', {},
      story(journal), timeline(journal))));
}

function displayName(p) {
  const tr = p.traits || {};
  const name = tr.name || [tr.firstName, tr.lastName].filter(Boolean).join(' ');
  return name ? String(name) : p.customerId;
}

const SCALAR = v => v == null || ['string', 'number', 'boolean'].includes(typeof v);

function profile(p, card, journal) {
  const name = displayName(p);
  const facts = [
    [t('journal.stage'), p.currentStage ? label('stage', p.currentStage) : '–'],
    [t('journal.persona'), p.persona || '–'],
    [t('journal.ltv'), fmt.money(p.lifetimeValue, p.currency)],
    [t('journal.orders'), fmt.int(p.orders)],
    [t('journal.firstSeen'), p.firstSeen ? fmt.dateTime(p.firstSeen) : '–'],
    [t('journal.lastContact'), p.lastContact ? fmt.dateTime(p.lastContact) : '–'],
    [t('journal.events'), fmt.int(journal.eventCount)],
  ];
  const traits = Object.entries(p.traits || {}).filter(([, v]) => SCALAR(v));
  return h('section', {class: 'card profile', dataset: {section: 'profile'}},
    h('div', {class: 'who'}, h('div', {class: 'avatar', 'aria-hidden': 'true'}, [...name][0]?.toUpperCase() || '?'),
      h('div', {}, h('h2', {}, name), h('div', {class: 'id'}, p.customerId))),
    p.flags.length ? h('div', {class: 'chips', style: {marginBottom: '12px'}},
      p.flags.map(f => h('span', {class: 'chip ' + (f === 'inactive' ? 'warn' : 'bad'), dataset: {flag: f}}, label('flag', f)))) : null,
    h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {style: {margin: '16px 0 8px'}}, t('journal.channels')),
    h('div', {class: 'chips'}, p.channels.map(c => h('span', {class: 'chip accent'}, label('channel', c)))),
    traits.length ? [h('h3', {style: {margin: '16px 0 8px'}}, t('journal.traits')),
      h('dl', {class: 'facts'}, traits.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v == null ? '–' : String(v))]))] : null,
    h('h3', {style: {margin: '16px 0 8px'}}, t('journal.identities')),
    h('div', {class: 'chips'}, card.identities.map(i => h('span', {class: 'chip'}, i))));
}

function story(journal) {
  const para = h('p', {lang: journal.lang.toLowerCase()});
  for (const s of journal.story) {
    const span = h('span', {class: 'sentence', tabindex: '0', role: 'button', dataset: {events: s.eventIds.join(' ')},
      title: t('journal.storyHint')}, s.text);
    const show = () => highlight(span, s.eventIds);
    span.addEventListener('click', show);
    span.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
    para.append(span, ' ');
  }
  return h('section', {class: 'card story', dataset: {section: 'story'}, style: {marginBottom: '16px'}},
    h('div', {class: 'card-head'}, h('h2', {}, t('journal.story')), h('span', {class: 'sub'}, t('journal.storySub'))),
    journal.story.length ? para : h('div', {class: 'empty-note'}, t('journal.noStory')));
}

function highlight(span, eventIds) {
  for (const el of document.querySelectorAll('.sentence.active, .entry.highlight')) {
    el.classList.remove('active', 'highlight');
  }
  span.classList.add('active');
  let first = null;
  for (const id of eventIds) {
    const entry = document.getElementById('event-' + id);
    if (entry) {
      entry.classList.add('highlight');
      first = first || entry;
    }
  }
  first?.scrollIntoView({behavior: 'smooth', block: 'center'});
}

function sentimentClass(s) {
  return s == null ? '' : s <= -0.25 ? 'neg' : s >= 0.25 ? 'pos' : 'neu';
}

function entry(e) {
  const cls = sentimentClass(e.sentiment);
  return h('div', {class: 'entry ' + cls, id: 'event-' + e.eventId, dataset: {event: e.eventId}},
    h('div', {class: 'line'},
      h('span', {class: 'time'}, fmt.time(e.ts)),
      h('span', {class: 'name'}, e.name || e.type),
      e.channel ? h('span', {class: 'chip'}, label('channel', e.channel)) : null,
      e.stageEntered ? h('span', {class: 'chip accent'}, t('journal.entered', {stage: label('stage', e.stageEntered)})) : null,
      e.rating != null ? h('span', {class: 'chip'}, t('journal.rating', {n: fmt.num(e.rating, 0)})) : null,
      e.revenue != null ? h('span', {class: 'chip good'}, fmt.money(e.revenue, e.currency)) : null,
      e.resolutionMinutes != null ? h('span', {class: 'chip'}, t('journal.resolved', {d: fmt.duration(e.resolutionMinutes * 60000)})) : null),
    e.text ? h('div', {class: 'said', lang: e.lang || null}, e.text) : null,
    e.text && (e.sentiment != null || e.emotion) ? h('div', {class: 'line', style: {marginTop: '4px'}},
      e.sentiment != null ? h('span', {class: 'sent ' + cls}, t('journal.sentiment', {s: fmt.sentiment(e.sentiment)})) : null,
      e.emotion ? h('span', {class: 'chip'}, label('emotion', e.emotion)) : null) : null);
}

function timeline(journal) {
  const list = h('div', {class: 'timeline'});
  for (const ep of journal.timeline) {
    list.append(h('div', {class: 'episode', dataset: {episode: ep.index}},
      h('div', {class: 'episode-head'},
        h('span', {class: 'when'}, fmt.dateTime(ep.start)),
        h('span', {class: 'muted'}, tn('journal.episodeLength', {n: ep.entries.length, d: fmt.duration(ep.end - ep.start)})),
        h('span', {class: 'chips'}, ep.channels.map(c => h('span', {class: 'chip'}, label('channel', c))))),
      h('div', {class: 'entries'}, ep.entries.map(entry))));
  }
  return h('section', {class: 'card', dataset: {section: 'timeline'}},
    h('div', {class: 'card-head'}, h('h2', {}, t('journal.timeline')),
      h('span', {class: 'sub'}, tn('journal.timelineSub', {n: fmt.int(journal.eventCount), e: fmt.int(journal.timeline.length)}))),
    journal.timeline.length ? list : h('div', {class: 'empty-note'}, t('common.noData')));
}
