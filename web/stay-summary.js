// The parts of a person's file that come from more than the stay: age, sex and
// nationality (a localized name), the test results with the retest that counts
// for release marked, and whether release is possible now (GET /stays/{id}/release,
// its reasons in the page's language) before the button is pressed.
import { api } from './api.js';
import { countryName } from './countries.js';
import { $, fill, h, table } from './dom.js';
import { lang, register, t } from './i18n.js';
import { reasonText } from './notice.js';
import { isoToLocal, todayLocal, tz } from './time.js';

register({
  en: {
    'sum.person': 'Sex · age · nationality',
    'sum.ageYears': 'age {age}',
    'sum.eligible': 'Possible now',
    'sum.notYet': 'Not yet: {reasons}',
    'tests.title': 'Test results',
    'tests.none': 'No test result yet. Retest days: {dates}.',
    'tests.collected': 'Sampled',
    'tests.result': 'Result',
    'tests.method': 'Method',
    'tests.counts': 'the retest that counts for release',
    'outcome.negative': 'Negative',
    'outcome.positive': 'Positive',
    'outcome.inconclusive': 'Inconclusive',
  },
  zh: {
    'sum.person': '性别 · 年龄 · 国籍',
    'sum.ageYears': '{age} 岁',
    'sum.eligible': '现在可以解除',
    'sum.notYet': '尚不能解除：{reasons}',
    'tests.title': '核酸检测结果',
    'tests.none': '还没有检测结果。复检日：{dates}。',
    'tests.collected': '采样时间',
    'tests.result': '结果',
    'tests.method': '方法',
    'tests.counts': '计入解除隔离的复检',
    'outcome.negative': '阴性',
    'outcome.positive': '阳性',
    'outcome.inconclusive': '不确定',
  },
});

/** Whole years from a birth date to `today` (both YYYY-MM-DD). */
export function ageOn(birthDate, today) {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Sex, age and nationality of the file's person on one full-width line of the facts (a phone keeps the temperature field on its first screen). */
export function personFact(person) {
  const parts = [
    person.sex ? t(`sex.${person.sex}`) : '',
    person.birthDate ? t('sum.ageYears', { age: ageOn(person.birthDate, todayLocal()) }) : '',
    person.nationality ? countryName(person.nationality, lang()) : '',
  ];
  return h('div', { class: 'person' }, h('dt', { text: t('sum.person') }), h('dd', { text: parts.filter(Boolean).join(' · ') || '—' }));
}

/** The answers last loaded for the open file (redrawn on a language change). */
let loaded;

/** Loads the test results and release eligibility of `stay` and draws them; `isOpen()` false: another file opened meanwhile. */
export async function loadSummary(stay, isOpen) {
  $('#stay-tests').replaceChildren();
  $('#stay-release-facts').textContent = '';
  const id = encodeURIComponent(stay.stayId);
  const [tests, release] = await Promise.all([api('GET', `/stays/${id}/tests`), stay.status === 'active' ? api('GET', `/stays/${id}/release`) : undefined]);
  if (!isOpen()) return;
  loaded = { tests: tests.ok ? tests.data : undefined, release: release && release.ok ? release.data : undefined };
  drawSummary();
}

export function drawSummary() {
  if (!loaded) return;
  const { tests, release } = loaded;
  if (tests) {
    const counts = tests.latestRetest;
    const isCounted = (x) => counts && x.sampleId === counts.sampleId && x.labId === counts.labId;
    fill(
      $('#stay-tests'),
      tests.tests.length
        ? table(
            [t('tests.collected'), t('tests.result'), t('tests.method')],
            tests.tests.map((x) => [
              isoToLocal(x.collectedAt, tz()).replace('T', ' '),
              h('span', {}, h('strong', { text: t(`outcome.${x.result}`) }), isCounted(x) ? h('span', { class: 'counts', text: ` ★ ${t('tests.counts')}` }) : ''),
              x.method || '',
            ]),
            (i) => [isCounted(tests.tests[i]) ? 'counted' : '', tests.tests[i].result === 'positive' ? 'alert' : ''].filter(Boolean).join(' ') || undefined,
          )
        : h('p', { text: t('tests.none', { dates: tests.retestDates.join(', ') || '—' }) }),
    );
  }
  const facts = $('#stay-release-facts');
  if (!release) facts.textContent = '';
  else {
    facts.textContent = release.eligible ? t('sum.eligible') : t('sum.notYet', { reasons: release.reasons.map(reasonText).join(' · ') });
    facts.className = `release-facts ${release.eligible ? 'ok' : 'warn'}`;
  }
}
