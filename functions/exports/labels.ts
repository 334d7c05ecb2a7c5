import type { ExportLang } from '../schemas/care.js';

// Words of the Excel exports in zh and en, worded as the page words them
// (web/messages.js, screen-board.js, screen-today.js): a sheet opened beside the
// screen reads the same. A code without a word here is shown as it is.

type Words = Readonly<Record<string, string>>;

const ZH: Words = {
  'state.free': '空闲', 'state.occupied': '入住', 'state.cleaning': '清洁中', 'state.inspected': '已查验',
  'flag.positive': '阳性待转运', 'flag.alert': '发热/症状', 'flag.missing': '缺测温', 'flag.retest_due': '今日复检', 'flag.release_due': '可解除', 'flag.expired': '期满未解除',
  'slot.done': '已测', 'slot.alert': '异常', 'slot.pending': '待测', 'slot.missing': '缺测', 'slot.not_due': '未到时间',
  'mode.flight': '飞机', 'mode.train': '火车', 'mode.bus': '大巴', 'mode.car': '汽车',
  'sex.M': '男', 'sex.F': '女', 'sex.X': '其他',
  'cat.inbound': '入境人员', 'cat.close_contact': '密接', 'cat.secondary_contact': '次密接',
  'status.active': '观察中', 'status.positive': '阳性：待转运', 'status.transferred': '已转运', 'status.released': '已解除',
  'cond.chronic_illness': '慢性病', 'cond.pregnancy': '孕妇', 'cond.child': '儿童', 'cond.elderly': '老人', 'cond.disability': '残疾', 'cond.psychological_support': '需要心理支持',
  'meal.breakfast': '早餐', 'meal.lunch': '午餐', 'meal.dinner': '晚餐',
  'lang.zh': '中文', 'lang.en': '英语', 'lang.ko': '韩语',
  'today.birthday': '生日', 'today.retest': '复检', 'today.documents': '三单', 'today.lastDay': '最后一天',
};

const EN: Words = {
  'state.free': 'Free', 'state.occupied': 'Occupied', 'state.cleaning': 'Cleaning', 'state.inspected': 'Inspected',
  'flag.positive': 'Positive: transfer', 'flag.alert': 'Fever / symptom', 'flag.missing': 'Check missing', 'flag.retest_due': 'Retest today', 'flag.release_due': 'Release due', 'flag.expired': 'Period over',
  'slot.done': 'Done', 'slot.alert': 'Fever / symptom', 'slot.pending': 'Pending', 'slot.missing': 'Missing', 'slot.not_due': 'Not due',
  'mode.flight': 'Flight', 'mode.train': 'Train', 'mode.bus': 'Bus', 'mode.car': 'Car',
  'sex.M': 'Male', 'sex.F': 'Female', 'sex.X': 'Other',
  'cat.inbound': 'Inbound traveller', 'cat.close_contact': 'Close contact', 'cat.secondary_contact': 'Secondary close contact',
  'status.active': 'In observation', 'status.positive': 'Positive: transfer', 'status.transferred': 'Transferred', 'status.released': 'Released',
  'cond.chronic_illness': 'Chronic illness', 'cond.pregnancy': 'Pregnancy', 'cond.child': 'Child', 'cond.elderly': 'Elderly', 'cond.disability': 'Disability', 'cond.psychological_support': 'Psychological support',
  'meal.breakfast': 'Breakfast', 'meal.lunch': 'Lunch', 'meal.dinner': 'Dinner',
  'lang.zh': 'Chinese', 'lang.en': 'English', 'lang.ko': 'Korean',
  'today.birthday': 'birthday', 'today.retest': 'retest', 'today.documents': 'documents', 'today.lastDay': 'last day',
};

export type Say = (group: string, code: string) => string;

/** The word for `group.code` in the language, or the code itself. */
export const wordsFor = (lang: ExportLang): Say => {
  const words = lang === 'zh' ? ZH : EN;
  return (group, code) => words[`${group}.${code}`] ?? code;
};

/** Items of a list cell: "、" between Chinese words, ", " between English ones. */
export const listJoin = (lang: ExportLang) => (items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
