// Today's two temperature checks (morning, evening) of a person, as badges and in words.
import { h } from './dom.js';
import { register, t } from './i18n.js';

/** The fever threshold of functions/domain/checks.ts (FEVER_THRESHOLD_C). */
export const FEVER_C = 37.3;

register({
  en: {
    'slotShort.morning': 'AM',
    'slotShort.evening': 'PM',
    'chk.done': '{slot} ✓',
    'chk.alert': '{slot} ! fever',
    'chk.pending': '{slot} …',
    'chk.missing': '{slot} missing',
    'chk.not_due': '{slot} –',
    'chkLong.done': '{slot} check done',
    'chkLong.alert': '{slot} check: fever or symptom',
    'chkLong.pending': '{slot} check pending',
    'chkLong.missing': '{slot} check missing',
    'chkLong.not_due': '{slot} check not due',
    'chk.self': 'self-reported, not yet confirmed',
  },
  zh: {
    'slotShort.morning': '早',
    'slotShort.evening': '晚',
    'chk.done': '{slot} ✓',
    'chk.alert': '{slot} ! 发热',
    'chk.pending': '{slot} 待测',
    'chk.missing': '缺{slot}检',
    'chk.not_due': '{slot} –',
    'chkLong.done': '{slot}测温已完成',
    'chkLong.alert': '{slot}测温：发热或有症状',
    'chkLong.pending': '{slot}测温待进行',
    'chkLong.missing': '缺{slot}测温',
    'chkLong.not_due': '{slot}测温无需进行',
    'chk.self': '本人自报，待确认',
  },
});

export function checkBadges(checks) {
  if (!checks) return [];
  return ['morning', 'evening'].map((slot) => {
    const s = checks[slot];
    const label = t(`slotShort.${slot}`);
    // A reading the person sent from their own page shows as such until staff confirm or correct it.
    const self = (checks.selfReported || []).includes(slot);
    const title = t(`chkLong.${s}`, { slot: t(`slot.${slot}`) }) + (self ? ` (${t('chk.self')})` : '');
    return h('span', { class: `badge ${s}${self ? ' self' : ''}`, title }, t(`chk.${s}`, { slot: label }) + (self ? ' ⓢ' : ''));
  });
}

export function checksSentence(checks) {
  return checks ? ['morning', 'evening'].map((s) => t(`chkLong.${checks[s]}`, { slot: t(`slot.${s}`) })).join('; ') : '';
}
