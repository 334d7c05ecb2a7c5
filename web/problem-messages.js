// Field issues and refusal reasons rendered from their codes in the page's language:
// "请填写出生日期", "体温不能高于 43.0 °C". The server's English message is only the
// fallback for a code this page does not know yet.
import { lang, lookup, register, t } from './i18n.js';

register({
  en: {
    'iss.required': 'Enter {field}',
    'iss.invalid_type': '{field}: required or of the wrong type',
    'iss.too_small': '{field}: at least {min}',
    'iss.too_small.text': '{field}: at least {min} characters',
    'iss.too_big': '{field}: at most {max}',
    'iss.too_big.text': '{field}: at most {max} characters',
    'iss.invalid_value': '{field}: choose one of the offered values',
    'iss.invalid_format': '{field}: wrong format',
    'iss.unrecognized_keys': '{field}: unknown field',
    'iss.origin_required': 'Inbound travellers need the origin country',
    'iss.arrival_too_far_ahead': 'The arrival is more than 2 days ahead',
    'iss.arrival_too_old': 'The arrival is more than 60 days ago',
    'iss.number_required': 'Enter the flight or train number',
    'iss.flight_number': 'Use an IATA flight number, e.g. CA936',
    'iss.train_number': 'Use a train number, e.g. G1234',
    'iss.road_number': 'Use letters, digits, spaces or - (a plate or line number)',
    'iss.birth_date_future': 'The birth date must be in the past',
    'iss.one_decimal': 'Use one decimal, e.g. 36.6',
    'iss.control_character': '{field}: contains a control character',
    'iss.bidi_control': '{field}: contains a hidden direction mark',
    'iss.invisible_character': '{field}: contains an invisible character',
    'iss.unpaired_surrogate': '{field}: contains a broken character',
    'iss.noncharacter': '{field}: contains a character that is not text',
    'iss.replacement_character': '{field}: contains a damaged character (�)',
    'iss.unknown_room': 'There is no such room in this facility',
    'iss.future': '{field}: cannot be in the future',
    'iss.outside_stay': '{field}: outside the stay',
    'iss.id_check_digit': 'The ID number\'s check digit does not match: check the number',
    'iss.id_format': 'A resident ID number has 17 digits and a check digit (0-9 or X)',
    'iss.id_birth_date': 'The birth date in the ID number is not a real date',
    'iss.id_birth_date_mismatch': 'The birth date differs from the one in the ID number',
    'iss.id_sex_mismatch': 'The sex differs from the one in the ID number',
    'iss.calendar_date': '{field}: this date cannot be read; type it as 2026-12-02',
    'reason.room_not_cleaning': 'The room is not being cleaned',
    'reason.no_free_room': 'There is no free room',
    'reason.room_not_free': 'The room is not free',
    'reason.person_has_open_stay': 'This person is already registered in an open stay',
    'reason.stay_not_active': 'The stay is not active any more',
    'reason.before_document_day': 'The document day has not come yet',
    'reason.recent_fever_or_symptom': 'Fever or symptom in the last 24 hours',
    'reason.stay_closed': 'The stay is closed',
    'reason.stay_changed': 'The file changed meanwhile: reload it and try again',
    'reason.check_exists': 'A check is already recorded for this slot',
    'reason.already_revoked': 'The document is already revoked',
    'reason.revoked': 'The document is revoked',
    'reason.stay_not_released': 'The person is not released yet',
    'reason.document_valid': 'A valid document exists: reissue it instead',
    'reason.shortening_needs_admin': 'Only an administrator may shorten the period',
    'reason.positive_result': 'A test result is positive',
    'reason.retest_missing': 'The release retest is missing',
    'reason.retest_not_negative': 'The release retest is not negative',
    'reason.no_test_results': 'No test result on file',
    'reason.fever_in_final_window': 'Fever in the final observation window',
    'reason.doctor_signoff_required': 'A doctor must sign off first',
    'iss.pickup_after_departure': 'The pickup must be before the departure',
    'iss.pickup_too_early': 'The pickup must be at most 12 hours before the departure',
    'iss.duplicate_vehicle': 'This vehicle is listed twice',
    'iss.unknown_vehicle': 'No such vehicle in this facility: add it to the vehicles first',
    'iss.no_pickup_group': 'Nobody is picked up at this time',
    'reason.over_capacity': 'The vehicles have fewer seats than people',
    'reason.vehicles_changed': 'The vehicles were changed meanwhile: reload and try again',
    'iss.unknown_facility': 'There is no such facility',
    'iss.facility_required': 'Choose at least one facility for a staff account',
    'reason.username_taken': 'This username is taken: choose another',
    'reason.own_account': 'You cannot disable your own account or change your own role',
    'reason.last_admin': 'This is the last administrator: make another administrator first',
  },
  zh: {
    'iss.required': '请填写{field}',
    'iss.invalid_type': '{field}：必填或类型错误',
    'iss.too_small': '{field}：不能小于 {min}',
    'iss.too_small.text': '{field}：至少 {min} 个字',
    'iss.too_big': '{field}：不能大于 {max}',
    'iss.too_big.text': '{field}：最多 {max} 个字',
    'iss.invalid_value': '{field}：请选择给出的选项',
    'iss.invalid_format': '{field}：格式错误',
    'iss.unrecognized_keys': '{field}：未知字段',
    'iss.origin_required': '入境人员须填写出发国家',
    'iss.arrival_too_far_ahead': '抵达时间超过 2 天之后',
    'iss.arrival_too_old': '抵达时间早于 60 天前',
    'iss.number_required': '请填写航班号或车次',
    'iss.flight_number': '请填写 IATA 航班号，如 CA936',
    'iss.train_number': '请填写车次，如 G1234',
    'iss.road_number': '请填写字母、数字、空格或 -（车牌或线路号）',
    'iss.birth_date_future': '出生日期须早于今天',
    'iss.one_decimal': '最多一位小数，如 36.6',
    'iss.control_character': '{field}：含有控制字符',
    'iss.bidi_control': '{field}：含有隐藏的方向符',
    'iss.invisible_character': '{field}：含有不可见字符',
    'iss.unpaired_surrogate': '{field}：含有损坏的字符',
    'iss.noncharacter': '{field}：含有非文字字符',
    'iss.replacement_character': '{field}：含有损坏的字符（�）',
    'iss.unknown_room': '本隔离点没有这个房间',
    'iss.future': '{field}：不能晚于现在',
    'iss.outside_stay': '{field}：不在隔离期内',
    'iss.id_check_digit': '身份证号校验位不符，请核对号码',
    'iss.id_format': '身份证号应为 17 位数字加 1 位校验码（0-9 或 X）',
    'iss.id_birth_date': '身份证号中的出生日期无效',
    'iss.id_birth_date_mismatch': '出生日期与身份证号不符',
    'iss.id_sex_mismatch': '性别与身份证号不符',
    'iss.calendar_date': '{field}：无法识别的日期，请按 2026-12-02 填写',
    'reason.room_not_cleaning': '该房间不在清洁中',
    'reason.no_free_room': '没有空闲房间',
    'reason.room_not_free': '该房间不是空闲的',
    'reason.person_has_open_stay': '此人已有未结束的登记',
    'reason.stay_not_active': '该登记已不在隔离中',
    'reason.before_document_day': '尚未到出具文书的日子',
    'reason.recent_fever_or_symptom': '最近 24 小时内有发热或症状',
    'reason.stay_closed': '该登记已结束',
    'reason.stay_changed': '档案已被他人修改，请刷新后重试',
    'reason.check_exists': '该时段已有测温记录',
    'reason.already_revoked': '该文书已作废',
    'reason.revoked': '该文书已作废',
    'reason.stay_not_released': '该人员尚未解除隔离',
    'reason.document_valid': '已有有效文书，请使用重新签发',
    'reason.shortening_needs_admin': '只有管理员可以缩短隔离期',
    'reason.positive_result': '有阳性检测结果',
    'reason.retest_missing': '缺少解除隔离前的复检',
    'reason.retest_not_negative': '解除隔离前的复检不是阴性',
    'reason.no_test_results': '没有检测结果',
    'reason.fever_in_final_window': '最后观察期内有发热',
    'reason.doctor_signoff_required': '需要医生先签字确认',
    'iss.pickup_after_departure': '接送时间必须早于出发时间',
    'iss.pickup_too_early': '接送时间最多比出发时间早 12 小时',
    'iss.duplicate_vehicle': '该车辆重复填写',
    'iss.unknown_vehicle': '本隔离点没有该车辆，请先添加车辆',
    'iss.no_pickup_group': '该时间没有需要接送的人员',
    'reason.over_capacity': '车辆座位少于人数',
    'reason.vehicles_changed': '车辆已被他人修改，请刷新后重试',
    'iss.unknown_facility': '没有这个隔离点',
    'iss.facility_required': '工作人员账号须至少选择一个隔离点',
    'reason.username_taken': '该用户名已被使用，请换一个',
    'reason.own_account': '不能停用自己的账号或更改自己的角色',
    'reason.last_admin': '这是最后一名管理员：请先设立另一名管理员',
  },
});

/** A field label without its hint in brackets: "国籍（两位代码，如 CN）" -> "国籍". */
export function shortLabel(label) {
  return String(label || '').replace(/\s*[（(].*?[)）]\s*/g, ' ').trim();
}

/** One field issue in the page's language; `label` is the field's label when known. */
export function issueMessage(issue, label) {
  const field = shortLabel(label) || issue.path;
  const textLimit = /character/i.test(issue.message || '');
  const key = `iss.${issue.code}${(issue.code === 'too_small' || issue.code === 'too_big') && textLimit ? '.text' : ''}`;
  const vars = { field, min: fmtLimit(issue.minimum, issue.path), max: fmtLimit(issue.maximum, issue.path) };
  if (lookup(key) || lookup(key, 'en')) {
    if ((issue.code === 'too_small' && issue.minimum === undefined) || (issue.code === 'too_big' && issue.maximum === undefined)) {
      return lang() === 'zh' ? `${field}：${issue.code === 'too_small' ? '太小或太短' : '太大或太长'}` : `${field}: ${issue.message}`;
    }
    // In English a rule's own sentence ("Use Latin letters, as in the passport") says more than "wrong format".
    if (lang() !== 'zh' && (issue.code === 'invalid_format' || issue.code === 'custom') && issue.message && !/^Invalid/.test(issue.message)) return `${field}: ${issue.message}`;
    return t(key, vars);
  }
  return `${field}: ${issue.message}`;
}

function fmtLimit(n, path) {
  if (typeof n !== 'number') return '';
  return /temperature/i.test(path) ? `${n.toFixed(1)} °C` : String(n);
}

/** A refusal reason in the page's language: the page's own text for the code, else the server's. */
export function reasonMessage(x) {
  const own = lookup(`reason.${x.code}`);
  if (own) return own;
  return (lang() === 'zh' && x.messageZh) || x.message;
}
