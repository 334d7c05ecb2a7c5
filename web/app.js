// Quarantine desk web form: plain JavaScript, no framework, no build step.
// Everything the page shows comes from the staff API with the pasted token
// (kept in sessionStorage). Text is set with textContent only, never as HTML.
'use strict';
(() => {
  // ---------------------------------------------------------------- strings
  const I18N = {
    en: {
      'app.title': 'Quarantine desk', skip: 'Skip to content', signout: 'Sign out', 'nav.label': 'Sections', apiDocs: 'API reference',
      'nav.board': 'Room board', 'nav.register': 'Register', 'nav.manifest': 'Flight manifest', 'nav.today': 'Today', 'nav.transport': 'Departures', 'nav.reminders': 'Reminders',
      'signin.title': 'Sign in', 'signin.token': 'Staff token', 'signin.tokenHint': 'Paste the token you were given. It is kept in this browser tab only.',
      'signin.load': 'Load my facilities', 'signin.facility': 'Facility', 'signin.pick': 'Load your facilities first', 'signin.submit': 'Sign in',
      'signin.noToken': 'Paste a token first.', 'signin.noFacility': 'Choose a facility.', 'signin.loaded': '{n} facilities loaded.', 'signin.as': '{sub} ({role}) · {facility}',
      'signin.badToken': 'This token was refused: it is expired, malformed or not signed for this system.', 'signin.none': 'This token gives access to no facility.',
      refresh: 'Refresh', show: 'Show', back: 'Back to the board', choose: 'Choose…', loading: 'Loading…', saved: 'Saved.',
      'state.free': 'Free', 'state.occupied': 'Occupied', 'state.cleaning': 'Cleaning',
      'board.title': 'Room board', 'board.missingOnly': 'Only rooms with missing checks', 'board.legendMissing': 'Check missing', 'board.legendAlert': 'Fever / symptom',
      'board.summary': '{date} · {occupied} occupied · {free} free · {cleaning} cleaning · {missing} missing checks · {alerts} with fever or symptom',
      'board.day': 'Day {n}', 'board.open': 'Room {room}: {name}, day {day}. {checks}', 'board.empty': 'No rooms yet. An administrator adds rooms to the facility.',
      'slotShort.morning': 'AM', 'slotShort.evening': 'PM',
      'chk.done': '{slot} ✓', 'chk.alert': '{slot} ! fever', 'chk.pending': '{slot} …', 'chk.missing': '{slot} missing', 'chk.not_due': '{slot} –',
      'chkLong.done': '{slot} check done', 'chkLong.alert': '{slot} check: fever or symptom', 'chkLong.pending': '{slot} check pending', 'chkLong.missing': '{slot} check missing', 'chkLong.not_due': '{slot} check not due',
      'register.title': 'Register a person', 'register.person': 'Person', 'register.document': 'Travel document', 'register.arrival': 'Arrival', 'register.care': 'Care',
      'register.submit': 'Register and assign a room', 'register.done': '{name} is registered in room {room}: day 1 is {day1}, observation ends {end}.', 'register.open': 'Open the file',
      'f.nameNative': 'Name (as written natively)', 'f.nameLatin': 'Name in Latin letters (as in passport)', 'f.sex': 'Sex', 'f.birthDate': 'Birth date',
      'f.nationality': 'Nationality (2-letter code, e.g. CN)', 'f.phone': 'Phone', 'f.language': 'Preferred language', 'f.docType': 'Document type', 'f.docNumber': 'Document number',
      'f.docCountry': 'Issuing country (2-letter code)', 'f.category': 'Category', 'f.arrivedAt': 'Arrived at (facility time)', 'f.flightNumber': 'Flight number',
      'f.originCountry': 'Origin country (2-letter code)', 'f.roomNumber': 'Room (empty: first free room)', 'f.diet': 'Diet', 'f.ethnicity': 'Ethnicity',
      'f.specialConditions': 'Special conditions', 'f.notes': 'Notes', 'f.temperature': 'Temperature (°C)', 'f.slot': 'Slot', 'f.checkDate': 'Date (empty: today)',
      'f.symptoms': 'Symptoms', 'f.note': 'Note', 'f.kind': 'Kind', 'f.text': 'What happened', 'f.city': 'Destination city', 'f.country': 'Destination country (2-letter code)',
      'f.mode': 'Mode', 'f.number': 'Flight / train number', 'f.departureAt': 'Departure (facility time)', 'f.date': 'Date',
      'sex.F': 'Female', 'sex.M': 'Male', 'sex.X': 'Other', 'doc.passport': 'Passport', 'doc.id_card': 'ID card', 'doc.travel_permit': 'Travel permit', 'doc.other': 'Other',
      'cat.inbound': 'Inbound traveller', 'cat.close_contact': 'Close contact', 'cat.secondary_contact': 'Secondary close contact',
      'cond.chronic_illness': 'Chronic illness', 'cond.pregnancy': 'Pregnancy', 'cond.child': 'Child', 'cond.elderly': 'Elderly', 'cond.disability': 'Disability', 'cond.psychological_support': 'Psychological support',
      'slot.morning': 'Morning', 'slot.evening': 'Evening',
      'sym.fever': 'Fever', 'sym.cough': 'Cough', 'sym.sore_throat': 'Sore throat', 'sym.fatigue': 'Fatigue', 'sym.loss_of_smell_taste': 'Loss of smell or taste', 'sym.diarrhoea': 'Diarrhoea', 'sym.shortness_of_breath': 'Shortness of breath', 'sym.other': 'Other',
      'kind.medical_transfer': 'Medical transfer', 'kind.psychological_support': 'Psychological support', 'kind.complaint': 'Complaint', 'kind.other': 'Other',
      'mode.flight': 'Flight', 'mode.train': 'Train', 'mode.bus': 'Bus', 'mode.car': 'Car',
      'manifest.title': 'Flight manifest', 'manifest.help': 'Paste or open a CSV file with a header row. Columns:',
      'manifest.hint': 'arrived_at: ISO time with offset or "YYYY-MM-DD HH:MM" in facility time; special_conditions separated by ";". Empty cells are left out.',
      'manifest.template': 'Download template', 'manifest.file': 'Open CSV file', 'manifest.paste': 'CSV text', 'manifest.preview': 'Check rows', 'manifest.send': 'Register all rows',
      'manifest.empty': 'The CSV has no data rows.', 'manifest.unknownColumns': 'Unknown columns: {cols}', 'manifest.ready': '{n} rows ready to register.',
      'manifest.report': '{created} registered, {refused} refused.', 'manifest.row': 'Line', 'manifest.name': 'Name', 'manifest.status': 'Result',
      'manifest.created': 'Registered: room {room}', 'manifest.refused': 'Refused', 'manifest.tooMany': 'At most {n} rows at once.',
      'stay.title': '{name} · room {room}', 'file.for': 'for room {room} · {name}', 'file.discard': 'Unsaved input on the file of {name} (room {room}) will be discarded. Continue?', 'stay.day': 'Day of stay', 'stay.status': 'Status', 'stay.day1': 'Day 1', 'stay.retest': 'Retest', 'stay.documents': 'Documents', 'stay.end': 'Last day',
      'stay.document': 'Document', 'stay.phone': 'Phone', 'stay.diet': 'Diet / ethnicity', 'stay.conditions': 'Special conditions', 'stay.arrival': 'Arrival', 'stay.today': 'Checks today',
      'status.active': 'In observation', 'status.positive': 'Positive: transfer', 'status.transferred': 'Transferred', 'status.released': 'Released',
      'check.title': 'Temperature check', 'check.replace': 'Replace the reading already recorded for this slot', 'f.correctionReason': 'Why it is corrected (the earlier reading is kept)', 'check.was': 'was {temp}', 'check.submit': 'Record check', 'check.log': 'Temperature log',
      'check.saved': 'Recorded: {temp} °C, {slot} of {date}.', 'check.alert': 'Fever or symptom: the urgent reminder has been raised. Handle it at once.',
      'check.exists': 'This slot already has a reading. Tick "Replace" to correct it.', 'check.none': 'No checks recorded yet.',
      'check.when': 'Date', 'check.slot': 'Slot', 'check.temp': '°C', 'check.symptoms': 'Symptoms', 'check.by': 'Measured at',
      'sit.title': 'Special situations', 'sit.submit': 'Add to the file', 'sit.none': 'No special situation recorded.', 'sit.saved': 'Added to the file.',
      'sched.title': 'Observation period', 'sched.submit': 'Change the period', 'sched.saved': 'New last day {end} (day {days}); documents from {doc}.', 'f.stayDays': 'Days of observation', 'f.retestDays': 'Retest days (e.g. 12, 19)', 'f.documentDay': 'Document day', 'f.reason': 'Reason (kept in the audit trail)',
      'dep.title': 'Return travel', 'dep.submit': 'Save return travel', 'dep.saved': 'Return travel saved: {mode} {number} on {date} at {time}.',
      'rel.title': 'Release', 'rel.hint': 'Release ends the observation, sends the room to cleaning and issues the three documents.', 'rel.submit': 'Release this person',
      'rel.confirm': 'Release {name} from room {room} now?', 'rel.unavailable': 'Release is not available on this server yet. Nothing was changed.',
      'rel.done': '{name} is released. Room {room} goes to cleaning.', 'rel.print': 'Print slip', 'rel.slip': 'Release slip', 'rel.key': 'Access key', 'rel.download': 'Download', 'rel.verify': 'Verify',
      'docType.release_notice': 'Release notice', 'docType.health_certificate': 'Health certificate', 'docType.test_report': 'Nucleic-acid test report',
      'today.title': 'Daily sheet', 'today.occupants': 'People', 'today.birthdays': 'Birthdays', 'today.standby': '24-hour medical standby', 'today.retests': 'Retests due',
      'today.documents': 'Documents due', 'today.missing': 'Missing checks', 'today.alerts': 'Fever / symptom', 'today.meals': 'Meals', 'today.portions': '{n} portions',
      'today.noNotes': 'No diet notes.', 'today.cake': '🎂 {name} (room {room}) turns {age} today: bring a cake.', 'today.none': 'Nobody.',
      'today.room': 'Room', 'today.name': 'Name', 'today.day': 'Day', 'today.diet': 'Diet', 'today.ethnicity': 'Ethnicity', 'today.conditions': 'Conditions', 'today.checks': 'Checks', 'today.flags': 'Today',
      'meal.breakfast': 'Breakfast', 'meal.lunch': 'Lunch', 'meal.dinner': 'Dinner', 'flag.retest': 'retest', 'flag.documents': 'documents', 'flag.lastDay': 'last day', 'flag.birthday': 'birthday',
      'transport.title': 'Departures and vehicles', 'transport.window': 'Window', 'transport.csv': 'Download CSV', 'transport.none': 'No departures recorded for this date.',
      'transport.total': '{total} people: {flight} by flight, {train} by train, {bus} by bus, {car} by car.', 'transport.group': '{mode} · {from}–{to} · {n} people',
      'transport.time': 'Time', 'transport.number': 'Number', 'transport.room': 'Room', 'transport.name': 'Name', 'transport.dest': 'Destination',
      'reminders.title': 'Reminders', 'reminders.unavailable': 'Reminders are not available on this server yet.', 'reminders.none': 'No reminders.', 'reminders.urgent': 'Urgent',
      'err.network': 'The server could not be reached. Check the connection and try again.', 'err.server': 'The server failed ({status}). Try again in a moment.',
      'err.session': 'Your session ended or the token was refused. Sign in again.', 'err.fields': 'Some fields need attention:', 'err.notFound': 'Not found.',
      'issue.invalid_type': 'Required or wrong type', 'issue.too_small': 'Too small or too short', 'issue.too_big': 'Too large or too long', 'issue.invalid_value': 'Not one of the allowed values',
      'issue.invalid_format': 'Wrong format', 'issue.unrecognized_keys': 'Unknown field',
    },
    zh: {
      'app.title': '隔离点工作台', skip: '跳到内容', signout: '退出', 'nav.label': '功能', apiDocs: 'API 参考文档',
      'nav.board': '房间挂图', 'nav.register': '登记', 'nav.manifest': '航班名单', 'nav.today': '今日', 'nav.transport': '离店安排', 'nav.reminders': '提醒',
      'signin.title': '登录', 'signin.token': '工作人员令牌', 'signin.tokenHint': '粘贴发给您的令牌。只保存在本浏览器标签页中。',
      'signin.load': '加载我的隔离点', 'signin.facility': '隔离点', 'signin.pick': '请先加载隔离点', 'signin.submit': '登录',
      'signin.noToken': '请先粘贴令牌。', 'signin.noFacility': '请选择隔离点。', 'signin.loaded': '已加载 {n} 个隔离点。', 'signin.as': '{sub}（{role}）· {facility}',
      'signin.badToken': '令牌被拒绝：已过期、格式错误或不是本系统签发的。', 'signin.none': '此令牌没有任何隔离点的权限。',
      refresh: '刷新', show: '显示', back: '返回挂图', choose: '请选择…', loading: '加载中…', saved: '已保存。',
      'state.free': '空闲', 'state.occupied': '入住', 'state.cleaning': '清洁中',
      'board.title': '房间挂图', 'board.missingOnly': '只看缺少测温的房间', 'board.legendMissing': '缺测温', 'board.legendAlert': '发热/症状',
      'board.summary': '{date} · 入住 {occupied} · 空闲 {free} · 清洁 {cleaning} · 缺测温 {missing} · 发热或症状 {alerts}',
      'board.day': '第 {n} 天', 'board.open': '{room} 房：{name}，第 {day} 天。{checks}', 'board.empty': '还没有房间。请管理员为隔离点添加房间。',
      'slotShort.morning': '早', 'slotShort.evening': '晚',
      'chk.done': '{slot} ✓', 'chk.alert': '{slot} ! 发热', 'chk.pending': '{slot} 待测', 'chk.missing': '缺{slot}检', 'chk.not_due': '{slot} –',
      'chkLong.done': '{slot}测温已完成', 'chkLong.alert': '{slot}测温：发热或有症状', 'chkLong.pending': '{slot}测温待进行', 'chkLong.missing': '缺{slot}测温', 'chkLong.not_due': '{slot}测温无需进行',
      'register.title': '人员登记', 'register.person': '个人信息', 'register.document': '证件', 'register.arrival': '抵达', 'register.care': '照护',
      'register.submit': '登记并分配房间', 'register.done': '{name} 已登记，房间 {room}：第 1 天为 {day1}，观察期至 {end}。', 'register.open': '打开档案',
      'f.nameNative': '姓名（本国文字）', 'f.nameLatin': '拼音/拉丁字母姓名（与护照一致）', 'f.sex': '性别', 'f.birthDate': '出生日期',
      'f.nationality': '国籍（两位代码，如 CN）', 'f.phone': '电话', 'f.language': '首选语言', 'f.docType': '证件类型', 'f.docNumber': '证件号码',
      'f.docCountry': '签发国家（两位代码）', 'f.category': '人员类别', 'f.arrivedAt': '抵达时间（隔离点当地时间）', 'f.flightNumber': '航班号',
      'f.originCountry': '出发国家（两位代码）', 'f.roomNumber': '房间（留空：第一个空闲房间）', 'f.diet': '饮食', 'f.ethnicity': '民族',
      'f.specialConditions': '特殊情况', 'f.notes': '备注', 'f.temperature': '体温（°C）', 'f.slot': '时段', 'f.checkDate': '日期（留空：今天）',
      'f.symptoms': '症状', 'f.note': '说明', 'f.kind': '类别', 'f.text': '情况说明', 'f.city': '目的地城市', 'f.country': '目的地国家（两位代码）',
      'f.mode': '交通方式', 'f.number': '航班/车次', 'f.departureAt': '出发时间（隔离点当地时间）', 'f.date': '日期',
      'sex.F': '女', 'sex.M': '男', 'sex.X': '其他', 'doc.passport': '护照', 'doc.id_card': '身份证', 'doc.travel_permit': '通行证', 'doc.other': '其他',
      'cat.inbound': '入境人员', 'cat.close_contact': '密接', 'cat.secondary_contact': '次密接',
      'cond.chronic_illness': '慢性病', 'cond.pregnancy': '孕妇', 'cond.child': '儿童', 'cond.elderly': '老人', 'cond.disability': '残疾', 'cond.psychological_support': '需要心理支持',
      'slot.morning': '早', 'slot.evening': '晚',
      'sym.fever': '发热', 'sym.cough': '咳嗽', 'sym.sore_throat': '咽痛', 'sym.fatigue': '乏力', 'sym.loss_of_smell_taste': '嗅觉味觉减退', 'sym.diarrhoea': '腹泻', 'sym.shortness_of_breath': '气短', 'sym.other': '其他',
      'kind.medical_transfer': '送医转运', 'kind.psychological_support': '心理支持', 'kind.complaint': '投诉', 'kind.other': '其他',
      'mode.flight': '飞机', 'mode.train': '火车', 'mode.bus': '大巴', 'mode.car': '汽车',
      'manifest.title': '航班名单导入', 'manifest.help': '粘贴或打开带表头的 CSV 文件。列：',
      'manifest.hint': 'arrived_at：带时区的 ISO 时间，或隔离点当地时间“YYYY-MM-DD HH:MM”；special_conditions 用“;”分隔。空单元格不提交。',
      'manifest.template': '下载模板', 'manifest.file': '打开 CSV 文件', 'manifest.paste': 'CSV 内容', 'manifest.preview': '检查各行', 'manifest.send': '全部登记',
      'manifest.empty': 'CSV 没有数据行。', 'manifest.unknownColumns': '无法识别的列：{cols}', 'manifest.ready': '{n} 行可以登记。',
      'manifest.report': '登记成功 {created} 人，被拒 {refused} 人。', 'manifest.row': '行', 'manifest.name': '姓名', 'manifest.status': '结果',
      'manifest.created': '已登记：{room} 房', 'manifest.refused': '被拒', 'manifest.tooMany': '一次最多 {n} 行。',
      'stay.title': '{name} · {room} 房', 'file.for': '（{room} 房 {name}）', 'file.discard': '{room} 房 {name} 的档案中有未保存的输入，离开将丢弃。继续吗？', 'stay.day': '隔离第几天', 'stay.status': '状态', 'stay.day1': '第 1 天', 'stay.retest': '复检', 'stay.documents': '出具三单', 'stay.end': '最后一天',
      'stay.document': '证件', 'stay.phone': '电话', 'stay.diet': '饮食/民族', 'stay.conditions': '特殊情况', 'stay.arrival': '抵达', 'stay.today': '今日测温',
      'status.active': '观察中', 'status.positive': '阳性：待转运', 'status.transferred': '已转运', 'status.released': '已解除',
      'check.title': '体温检测', 'check.replace': '替换该时段已记录的体温', 'f.correctionReason': '更正原因（原记录会保留）', 'check.was': '原为 {temp}', 'check.submit': '记录体温', 'check.log': '体温记录',
      'check.saved': '已记录：{temp} °C，{date} {slot}。', 'check.alert': '发热或有症状：已发出紧急提醒，请立即处理。',
      'check.exists': '该时段已有记录。如需更正，请勾选“替换”。', 'check.none': '还没有体温记录。',
      'check.when': '日期', 'check.slot': '时段', 'check.temp': '°C', 'check.symptoms': '症状', 'check.by': '测量时间',
      'sit.title': '特殊情况记录', 'sit.submit': '记入档案', 'sit.none': '没有特殊情况记录。', 'sit.saved': '已记入档案。',
      'sched.title': '观察期', 'sched.submit': '调整观察期', 'sched.saved': '新的最后一天 {end}（第 {days} 天）；{doc} 起发放文书。', 'f.stayDays': '观察天数', 'f.retestDays': '复检日（如 12, 19）', 'f.documentDay': '文书发放日', 'f.reason': '原因（记入审计记录）',
      'dep.title': '返程信息', 'dep.submit': '保存返程信息', 'dep.saved': '返程已保存：{mode} {number}，{date} {time}。',
      'rel.title': '解除隔离', 'rel.hint': '解除隔离将结束观察、房间转为清洁，并出具三单。', 'rel.submit': '解除隔离',
      'rel.confirm': '现在为 {room} 房的 {name} 解除隔离？', 'rel.unavailable': '本服务器暂不支持解除隔离。没有做任何更改。',
      'rel.done': '{name} 已解除隔离。{room} 房转为清洁。', 'rel.print': '打印回执', 'rel.slip': '解除隔离回执', 'rel.key': '提取码', 'rel.download': '下载', 'rel.verify': '验证',
      'docType.release_notice': '解除集中隔离医学观察通知单', 'docType.health_certificate': '健康证明', 'docType.test_report': '核酸检测报告',
      'today.title': '每日工作单', 'today.occupants': '在住人数', 'today.birthdays': '生日', 'today.standby': '24 小时医疗值守', 'today.retests': '今日复检',
      'today.documents': '今日出具三单', 'today.missing': '缺测温', 'today.alerts': '发热/症状', 'today.meals': '餐食', 'today.portions': '{n} 份',
      'today.noNotes': '无饮食要求。', 'today.cake': '🎂 {name}（{room} 房）今天 {age} 岁生日：请送蛋糕。', 'today.none': '无。',
      'today.room': '房间', 'today.name': '姓名', 'today.day': '天数', 'today.diet': '饮食', 'today.ethnicity': '民族', 'today.conditions': '特殊情况', 'today.checks': '测温', 'today.flags': '今日事项',
      'meal.breakfast': '早餐', 'meal.lunch': '午餐', 'meal.dinner': '晚餐', 'flag.retest': '复检', 'flag.documents': '三单', 'flag.lastDay': '最后一天', 'flag.birthday': '生日',
      'transport.title': '离店与车辆安排', 'transport.window': '时间段', 'transport.csv': '下载 CSV', 'transport.none': '该日期没有返程记录。',
      'transport.total': '共 {total} 人：飞机 {flight}，火车 {train}，大巴 {bus}，汽车 {car}。', 'transport.group': '{mode} · {from}–{to} · {n} 人',
      'transport.time': '时间', 'transport.number': '航班/车次', 'transport.room': '房间', 'transport.name': '姓名', 'transport.dest': '目的地',
      'reminders.title': '提醒', 'reminders.unavailable': '本服务器暂不提供提醒。', 'reminders.none': '没有提醒。', 'reminders.urgent': '紧急',
      'err.network': '无法连接服务器。请检查网络后重试。', 'err.server': '服务器出错（{status}）。请稍后重试。',
      'err.session': '登录已失效或令牌被拒绝。请重新登录。', 'err.fields': '以下内容需要修改：', 'err.notFound': '未找到。',
      'issue.invalid_type': '必填或类型错误', 'issue.too_small': '太小或太短', 'issue.too_big': '太大或太长', 'issue.invalid_value': '不是允许的值',
      'issue.invalid_format': '格式错误', 'issue.unrecognized_keys': '未知字段',
      'title.400': '输入有误', 'title.403': '无权操作', 'title.404': '未找到', 'title.409': '无法完成', 'title.413': '内容太大', 'title.503': '服务暂不可用',
    },
  };

  const store = window.sessionStorage;
  const state = {
    lang: localStorage.getItem('qd.lang') || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en'),
    token: store.getItem('qd.token') || '',
    facility: JSON.parse(store.getItem('qd.facility') || 'null'),
    stay: null,
    board: null,
    manifestRows: [],
  };

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

  function t(key, vars) {
    const s = (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k]))) : s;
  }

  /** Builds an element; children are nodes or text (never parsed as HTML). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }

  function applyI18n(root = document) {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
    for (const el of $$('[data-i18n]', root)) el.textContent = t(el.dataset.i18n);
    for (const el of $$('[data-i18n-label]', root)) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    const other = state.lang === 'zh' ? 'en' : 'zh';
    const btn = $('#lang');
    btn.textContent = other === 'zh' ? '中文' : 'English';
    btn.setAttribute('lang', other === 'zh' ? 'zh-CN' : 'en');
    btn.setAttribute('aria-label', other === 'zh' ? '切换到中文' : 'Switch to English');
    $('#manifest-columns').textContent = MANIFEST_COLUMNS.join(',');
  }

  // ---------------------------------------------------------------- time in the facility's zone
  const pad = (n) => String(n).padStart(2, '0');
  const tz = () => (state.facility && state.facility.timeZone) || 'UTC';

  function partsIn(ms, zone) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const p = {};
    for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
    return p;
  }
  function offsetMinutes(ms, zone) {
    const p = partsIn(ms, zone);
    return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000) / 60000);
  }
  /** "YYYY-MM-DDTHH:MM" on the facility's wall clock -> ISO with that zone's offset (or the raw text if malformed). */
  function localToIso(value, zone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
    if (!m) return value;
    const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    let off = offsetMinutes(guess, zone);
    off = offsetMinutes(guess - off * 60000, zone);
    const a = Math.abs(off);
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  }
  function isoToLocal(iso, zone) {
    const p = partsIn(Date.parse(iso), zone);
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  }
  const nowLocal = () => isoToLocal(new Date().toISOString(), tz());
  const todayLocal = () => nowLocal().slice(0, 10);
  function addDays(date, n) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  // ---------------------------------------------------------------- API
  async function api(method, path, body, opts = {}) {
    const headers = { authorization: `Bearer ${opts.token || state.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      return { status: 0, ok: false, data: null, network: true };
    }
    const type = res.headers.get('content-type') || '';
    const out = { status: res.status, ok: res.ok, type, data: null, res };
    if (opts.raw) return out;
    if (type.includes('json')) out.data = await res.json().catch(() => null);
    // API Gateway (and the local server) answer a route that does not exist with a
    // plain 404, not a problem document: the feature is not deployed yet.
    out.routeMissing = res.status === 404 && !type.includes('problem+json');
    if (res.status === 401 && !opts.token) sessionEnded();
    return out;
  }

  // ---------------------------------------------------------------- messages
  function say(text) {
    $('#status').textContent = text;
  }
  function clearBanner() {
    const b = $('#banner');
    b.hidden = true;
    b.className = 'banner';
    b.replaceChildren();
  }
  function banner(lines, list, kind) {
    const b = $('#banner');
    b.className = kind === 'info' ? 'banner info' : 'banner';
    b.replaceChildren(...lines.filter(Boolean).map((l) => h('p', { text: l })), list && list.length ? h('ul', {}, list.map((l) => h('li', {}, l))) : '');
    b.hidden = false;
    b.setAttribute('tabindex', '-1');
    b.focus({ preventScroll: false });
  }
  function issueText(issue) {
    const label = I18N[state.lang][`issue.${issue.code}`];
    return state.lang === 'zh' && label && issue.code !== 'custom' ? `${label}：${issue.message}` : issue.message;
  }
  function clearFieldErrors(form) {
    for (const el of $$('.field-error', form)) el.remove();
    for (const el of $$('[aria-invalid]', form)) {
      el.removeAttribute('aria-invalid');
      const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.endsWith('-err'));
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
    }
  }
  /** The control an issue path names: exact name, else the path without trailing list indexes, else a fieldset of that name. */
  function fieldFor(form, path, aliases) {
    let p = (aliases && aliases[path]) || path;
    for (;;) {
      const el = form.querySelector(`[name="${CSS.escape(p)}"]`);
      if (el) return el;
      if (!/\.\d+$/.test(p)) return null;
      p = p.replace(/\.\d+$/, '');
    }
  }
  function labelOf(el, anchor) {
    const legend = anchor.matches('fieldset') && anchor.querySelector('legend');
    const label = legend || (el.labels && el.labels[0]);
    return label ? label.textContent.trim() : el.name;
  }
  /**
   * Shows a refused request: each issue next to its field (and, as a summary, in the
   * banner with a button that moves to the field); reasons and unplaced issues in the banner.
   */
  function showProblem(r, form) {
    if (r.network) return banner([t('err.network')]);
    if (r.status >= 500 || !r.data) return banner([t('err.server', { status: r.status })]);
    if (form) clearFieldErrors(form);
    const p = r.data;
    const loose = [];
    const placed = [];
    let first = null;
    for (const issue of p.issues || []) {
      const el = form && fieldFor(form, issue.path);
      if (!el) {
        loose.push(`${issue.path}: ${issueText(issue)}`);
        continue;
      }
      const anchor = el.closest('fieldset.inline') || el;
      const id = `${(anchor.id || el.id || el.name).replace(/[^\w-]/g, '_')}-err`;
      let msg = document.getElementById(id);
      if (!msg) {
        msg = h('p', { class: 'field-error', id });
        (anchor.closest('.field') || anchor).append(msg);
      }
      msg.textContent = msg.textContent ? `${msg.textContent} ${issueText(issue)}` : issueText(issue);
      const target = anchor.matches('fieldset') ? $$('input', anchor) : [el];
      for (const c of target) {
        c.setAttribute('aria-invalid', 'true');
        const ids = new Set((c.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        ids.add(id);
        c.setAttribute('aria-describedby', [...ids].join(' '));
      }
      first = first || target[0];
      const focusTarget = target[0];
      placed.push(h('button', { type: 'button', class: 'link', onclick: () => focusTarget.focus() }, `${labelOf(el, anchor)}: ${issueText(issue)}`));
    }
    const reasons = (p.reasons || []).map(reasonText);
    const title = state.lang === 'zh' && I18N.zh[`title.${r.status}`] ? I18N.zh[`title.${r.status}`] : p.title;
    banner([title, p.detail, p.issues && p.issues.length ? t('err.fields') : ''], [...reasons, ...placed, ...loose]);
    if (first) first.focus();
  }
  function sessionEnded() {
    store.removeItem('qd.token');
    state.token = '';
    renderWho();
    location.hash = '#signin';
    banner([t('err.session')]);
  }

  // ---------------------------------------------------------------- forms
  function setPath(obj, path, value) {
    const keys = path.split('.');
    let o = obj;
    for (const k of keys.slice(0, -1)) o = o[k] = o[k] || {};
    o[keys[keys.length - 1]] = value;
  }
  /** Form controls -> nested JSON by their dotted names; empty fields are left out. */
  function formJson(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled) continue;
      if (el.type === 'checkbox' && el.dataset.array !== undefined) {
        const list = $$(`[name="${CSS.escape(el.name)}"]:checked`, form).map((c) => c.value);
        setPath(out, el.name, list);
        continue;
      }
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      let v = el.value.trim();
      if (v === '') continue;
      if (el.dataset.upper !== undefined) v = v.toUpperCase();
      if (el.dataset.type === 'number') v = Number.isFinite(Number(v)) ? Number(v) : v;
      if (el.dataset.type === 'numbers') v = v.split(/[\s,，、]+/).filter(Boolean).map((x) => (Number.isFinite(Number(x)) ? Number(x) : x));
      if (el.dataset.type === 'instant') v = localToIso(v, tz());
      setPath(out, el.name, v);
    }
    return out;
  }
  async function submitting(form, fn) {
    const buttons = $$('button', form);
    buttons.forEach((b) => (b.disabled = true));
    try {
      await fn();
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }
  /** A refusal reason in the page's language when the server sent it (messageZh), else its English message. */
  function reasonText(x) {
    return (state.lang === 'zh' && x.messageZh) || x.message;
  }
  function result(el, lines, kind) {
    el.className = `result${kind ? ` ${kind}` : ''}`;
    el.replaceChildren(...lines.filter(Boolean).map((l) => (l instanceof Node ? l : h('p', { text: l }))));
  }
  const fill = (el, ...nodes) => el.replaceChildren(...nodes.flat().filter(Boolean));
  const table = (head, rows, rowClass) =>
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col', text: x })))), h('tbody', {}, rows.map((r, i) => h('tr', { class: rowClass ? rowClass(i) : undefined }, r.map((c) => h('td', {}, c)))))));

  // ---------------------------------------------------------------- sign in
  function claims(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch {
      return {};
    }
  }
  function renderWho() {
    const signedIn = Boolean(state.token && state.facility);
    const c = claims(state.token);
    $('#who').textContent = signedIn ? t('signin.as', { sub: c.sub || '?', role: c['custom:role'] || 'staff', facility: state.facility.name }) : '';
    $('#signout').hidden = !signedIn;
    $('#nav').hidden = !signedIn;
  }
  async function loadFacilities() {
    const token = $('#s-token').value.trim();
    if (!token) return banner([t('signin.noToken')]);
    say(t('loading'));
    const r = await api('GET', '/facilities', undefined, { token });
    say('');
    if (r.status === 401) return banner([t('signin.badToken')]);
    if (!r.ok) return showProblem(r);
    const list = (r.data && r.data.facilities) || [];
    const select = $('#s-facility');
    select.replaceChildren(...list.map((f) => h('option', { value: f.facilityId, text: `${f.name} (${f.facilityId})` })));
    select.dataset.facilities = JSON.stringify(list);
    clearBanner();
    if (!list.length) return banner([t('signin.none')]);
    say(t('signin.loaded', { n: list.length }));
    select.focus();
  }
  async function signIn(e) {
    e.preventDefault();
    const token = $('#s-token').value.trim();
    if (!token) return banner([t('signin.noToken')]);
    const select = $('#s-facility');
    if (!select.dataset.facilities) await loadFacilities();
    const list = JSON.parse(select.dataset.facilities || '[]');
    const facility = list.find((f) => f.facilityId === select.value);
    if (!facility) return banner([t('signin.noFacility')]);
    state.token = token;
    state.facility = { facilityId: facility.facilityId, name: facility.name, timeZone: facility.timeZone };
    store.setItem('qd.token', token);
    store.setItem('qd.facility', JSON.stringify(state.facility));
    $('#s-token').value = '';
    clearBanner();
    renderWho();
    location.hash = '#board';
  }
  function signOut() {
    store.clear();
    state.token = '';
    state.facility = null;
    renderWho();
    location.hash = '#signin';
  }

  // ---------------------------------------------------------------- board
  const fid = () => encodeURIComponent(state.facility.facilityId);
  function checkBadges(checks) {
    if (!checks) return [];
    return ['morning', 'evening'].map((slot) => {
      const s = checks[slot];
      const label = t(`slotShort.${slot}`);
      return h('span', { class: `badge ${s}`, title: t(`chkLong.${s}`, { slot: t(`slot.${slot}`) }) }, t(`chk.${s}`, { slot: label }));
    });
  }
  function checksSentence(checks) {
    return checks ? ['morning', 'evening'].map((s) => t(`chkLong.${checks[s]}`, { slot: t(`slot.${s}`) })).join('; ') : '';
  }
  async function showBoard() {
    say(t('loading'));
    const r = await api('GET', `/facilities/${fid()}/board`);
    say('');
    if (!r.ok) return showProblem(r);
    state.board = r.data;
    renderBoard();
  }
  function renderBoard() {
    const b = state.board;
    if (!b) return;
    $('#board-summary').textContent = t('board.summary', { date: b.date, ...b.counts, missing: (b.checks && b.checks.missing) || 0, alerts: (b.checks && b.checks.alerts) || 0 });
    const onlyMissing = $('#board-missing-only').checked;
    const tiles = b.rooms
      .filter((room) => !onlyMissing || (room.occupant && room.occupant.checks && (room.occupant.checks.missing.length || room.occupant.checks.alert)))
      .map((room) => {
        const o = room.occupant;
        const head = h('span', { class: 'num' }, h('span', { text: room.roomNumber }), h('span', { class: 'state', text: t(`state.${room.state}`) }));
        if (!o) return h('li', { class: `tile ${room.state}`, 'data-room': room.roomNumber }, head);
        const c = o.checks || { missing: [] };
        const cls = `tile occupied${c.missing.length ? ' missing' : ''}${c.alert ? ' alert' : ''}`;
        return h(
          'li',
          { 'data-room': room.roomNumber },
          h(
            'button',
            { type: 'button', class: cls, 'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, checks: checksSentence(o.checks) }), onclick: () => (location.hash = `#stay/${o.stayId}`) },
            head,
            h('span', { class: 'name', text: o.nameNative }),
            h('span', { class: 'latin', text: o.nameLatin }),
            h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
            h('span', { class: 'badges' }, checkBadges(o.checks)),
          ),
        );
      });
    fill($('#board-grid'), tiles.length ? tiles : [h('li', { text: t('board.empty') })]);
  }

  // ---------------------------------------------------------------- register
  async function register(e) {
    e.preventDefault();
    const form = e.currentTarget;
    clearBanner();
    clearFieldErrors(form);
    await submitting(form, async () => {
      const r = await api('POST', `/facilities/${fid()}/stays`, formJson(form));
      const out = $('#register-result');
      if (!r.ok) {
        out.replaceChildren();
        return showProblem(r, form);
      }
      const s = r.data;
      result(out, [
        t('register.done', { name: s.stay.person.nameNative, room: s.roomNumber, day1: s.schedule.day1Date, end: s.schedule.endDate }),
        h('p', {}, h('a', { href: `#stay/${s.stayId}`, text: t('register.open') })),
      ]);
      form.reset();
      $('#r-arrivedAt').value = nowLocal();
      out.focus();
    });
  }

  // ---------------------------------------------------------------- manifest CSV
  const MANIFEST_COLUMNS = [
    'name_native', 'name_latin', 'sex', 'birth_date', 'nationality', 'document_type', 'document_number', 'document_country', 'phone', 'language',
    'category', 'arrived_at', 'flight_number', 'origin_country', 'diet', 'ethnicity', 'special_conditions', 'notes', 'room_number',
  ];
  const COLUMN_PATHS = {
    name_native: 'person.nameNative', name_latin: 'person.nameLatin', sex: 'person.sex', birth_date: 'person.birthDate', nationality: 'person.nationality',
    document_type: 'person.document.type', document_number: 'person.document.number', document_country: 'person.document.country', phone: 'person.phone',
    language: 'person.language', category: 'category', arrived_at: 'arrival.arrivedAt', flight_number: 'arrival.flightNumber', origin_country: 'arrival.originCountry',
    diet: 'diet', ethnicity: 'ethnicity', special_conditions: 'specialConditions', notes: 'notes', room_number: 'roomNumber',
  };
  const PATH_COLUMNS = Object.fromEntries(Object.entries(COLUMN_PATHS).map(([c, p]) => [p, c]));
  const MAX_ROWS = 500;

  /** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a leading BOM is dropped. */
  function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    const s = text.replace(/^\uFEFF/, '');
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quoted) {
        if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; }
      else if (c === '\n' || c === '\r') {
        if (c === '\r' && s[i + 1] === '\n') i++;
        row.push(cell); rows.push(row); row = []; cell = '';
      } else cell += c;
    }
    if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
    return rows.filter((r) => r.some((x) => x.trim() !== ''));
  }
  function manifestRows() {
    const rows = parseCsv($('#manifest-text').value);
    if (rows.length < 2) throw new Error(t('manifest.empty'));
    const header = rows[0].map((x) => x.trim().toLowerCase());
    const unknown = header.filter((x) => !COLUMN_PATHS[x]);
    if (unknown.length) throw new Error(t('manifest.unknownColumns', { cols: unknown.join(', ') }));
    if (rows.length - 1 > MAX_ROWS * 4) throw new Error(t('manifest.tooMany', { n: MAX_ROWS * 4 }));
    return rows.slice(1).map((cells, i) => {
      const body = {};
      header.forEach((col, j) => {
        let v = (cells[j] || '').trim();
        if (v === '') return;
        if (['sex', 'nationality', 'document_country', 'origin_country', 'flight_number'].includes(col)) v = v.toUpperCase();
        if (col === 'arrived_at') v = localToIso(v, tz());
        if (col === 'special_conditions') v = v.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
        setPath(body, COLUMN_PATHS[col], v);
      });
      return { line: i + 2, body };
    });
  }
  function previewManifest() {
    clearBanner();
    try {
      state.manifestRows = manifestRows();
    } catch (err) {
      state.manifestRows = [];
      return banner([err.message]);
    }
    const rows = state.manifestRows;
    result($('#manifest-result'), [
      t('manifest.ready', { n: rows.length }),
      table([t('manifest.row'), t('manifest.name'), t('f.docNumber'), t('f.arrivedAt')], rows.map((r) => [String(r.line), `${(r.body.person && r.body.person.nameNative) || ''} ${(r.body.person && r.body.person.nameLatin) || ''}`, (r.body.person && r.body.person.document && r.body.person.document.number) || '', (r.body.arrival && r.body.arrival.arrivedAt) || ''])),
    ]);
  }
  function refusalText(problem) {
    const issues = (problem.issues || []).map((i) => `${PATH_COLUMNS[i.path] || PATH_COLUMNS[i.path.replace(/\.\d+$/, '')] || i.path}: ${issueText(i)}`);
    const reasons = (problem.reasons || []).map(reasonText);
    return [...reasons, ...issues].join(' · ') || problem.detail || problem.title;
  }
  async function sendManifest() {
    clearBanner();
    if (!state.manifestRows.length) previewManifest();
    const rows = state.manifestRows;
    if (!rows.length) return;
    const btn = $('#manifest-send');
    btn.disabled = true;
    say(t('loading'));
    const report = [];
    try {
      for (let start = 0; start < rows.length; start += MAX_ROWS) {
        const chunk = rows.slice(start, start + MAX_ROWS);
        const r = await api('POST', `/facilities/${fid()}/stays/batch`, { stays: chunk.map((x) => x.body) });
        if (!r.ok) return showProblem(r);
        for (const x of r.data.rows) report.push({ ...x, line: chunk[x.row].line, body: chunk[x.row].body });
      }
    } finally {
      btn.disabled = false;
      say('');
    }
    const created = report.filter((x) => x.status === 'created').length;
    result(
      $('#manifest-result'),
      [
        t('manifest.report', { created, refused: report.length - created }),
        table(
          [t('manifest.row'), t('manifest.name'), t('manifest.status')],
          report.map((x) => [String(x.line), `${(x.body.person && x.body.person.nameNative) || ''} ${(x.body.person && x.body.person.nameLatin) || ''}`, x.status === 'created' ? t('manifest.created', { room: x.roomNumber }) : `${t('manifest.refused')}: ${refusalText(x.problem)}`]),
          (i) => (report[i].status === 'refused' ? 'refused' : undefined),
        ),
      ],
      report.length - created ? 'warn' : '',
    );
    state.manifestRows = [];
    $('#manifest-result').focus();
  }
  function downloadText(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  function manifestTemplate() {
    const example = ['张伟', 'ZHANG Wei', 'M', '1985-03-02', 'CN', 'passport', 'E12345678', 'CN', '+86 138 0000 0000', 'zh', 'inbound', `${todayLocal()} 08:30`, 'CA936', 'FR', '', '', '', '', ''];
    downloadText('manifest-template.csv', `\uFEFF${MANIFEST_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`, 'text/csv;charset=utf-8');
  }

  // ---------------------------------------------------------------- stay file
  const FILE_FORMS = ['#check-form', '#sit-form', '#dep-form', '#sched-form'];
  function markClean(form) {
    delete form.dataset.dirty;
  }
  function fileHasUnsavedInput() {
    return !$('#view-stay').hidden && FILE_FORMS.some((f) => $(f).dataset.dirty === '1');
  }
  /** Asks before unsaved input on the open file is discarded; true when it may go. */
  function mayLeaveFile() {
    if (!state.stay || !fileHasUnsavedInput()) return true;
    return window.confirm(t('file.discard', { name: personName(state.stay.person), room: state.stay.roomNumber }));
  }
  function personName(p) {
    return p.nameLatin && p.nameLatin !== p.nameNative ? `${p.nameNative} ${p.nameLatin}` : p.nameNative;
  }
  async function showStay(stayId) {
    say(t('loading'));
    $('#stay-h').textContent = t('loading');
    $('#stay-facts').replaceChildren();
    const r = await api('GET', `/stays/${encodeURIComponent(stayId)}`);
    say('');
    if (!r.ok) return showProblem(r);
    state.stay = r.data;
    for (const id of ['#check-result', '#dep-result', '#release-result']) $(id).replaceChildren();
    // Every form of a file starts clean: nothing typed on one person's file may reach another's.
    for (const f of FILE_FORMS) {
      $(f).reset();
      markClean($(f));
      clearFieldErrors($(f));
    }
    $('#sched-result').replaceChildren();
    $('#p-days').value = String(state.stay.policy.stayDays);
    $('#p-retest').value = state.stay.policy.retestDays.join(', ');
    $('#p-doc').value = String(state.stay.policy.documentDay);
    $('#p-reason').value = '';
    renderStay();
    defaultSlot();
    $('#c-replace-wrap').hidden = true;
    $('#c-replace').checked = false;
    $('#c-reason-wrap').hidden = true;
    $('#c-reason').disabled = true;
    const d = state.stay.departure;
    $('#d-city').value = d ? d.destination.city : '';
    $('#d-country').value = d ? d.destination.country : '';
    $('#d-mode').value = d ? d.mode : 'flight';
    $('#d-number').value = (d && d.number) || '';
    $('#d-at').value = d ? isoToLocal(d.departureAt, tz()) : `${state.stay.schedule.releaseDate}T09:00`;
    await Promise.all([loadChecks(), loadSituations()]);
  }
  /** Morning until 14:00 facility time, then evening. */
  function defaultSlot() {
    $(`#c-slot input[value="${nowLocal().slice(11, 13) < '14' ? 'morning' : 'evening'}"]`).checked = true;
  }
  function renderStay() {
    const s = state.stay;
    $('#stay-h').textContent = t('stay.title', { name: personName(s.person), room: s.roomNumber });
    // The save buttons name whose file they write to.
    for (const el of $$('#view-stay .for-whom')) el.textContent = t('file.for', { name: personName(s.person), room: s.roomNumber });
    // Only an active stay can be released; the server says why otherwise, the button need not offer it.
    $('#release').disabled = s.status !== 'active';
    const fact = (k, v) => h('div', {}, h('dt', { text: t(k) }), h('dd', { text: v || '—' }));
    fill(
      $('#stay-facts'),
      fact('stay.status', t(`status.${s.status}`)),
      fact('stay.day', s.dayOfStay ? String(s.dayOfStay) : ''),
      fact('stay.today', checksSentence(s.checksToday)),
      fact('stay.day1', s.schedule.day1Date),
      fact('stay.retest', s.schedule.retestDates.join(', ')),
      fact('stay.documents', s.schedule.documentDate),
      fact('stay.end', s.schedule.endDate),
      fact('stay.arrival', [s.arrival.flightNumber, s.arrival.originCountry, isoToLocal(s.arrival.arrivedAt, tz()).replace('T', ' ')].filter(Boolean).join(' · ')),
      fact('stay.document', `${t(`doc.${s.person.document.type}`)} ${s.person.document.country} ${s.person.document.number}`),
      fact('stay.phone', s.person.phone),
      fact('stay.diet', [s.diet, s.ethnicity].filter(Boolean).join(' · ')),
      fact('stay.conditions', (s.specialConditions || []).map((c) => t(`cond.${c}`)).join(', ')),
    );
  }
  async function loadChecks() {
    const r = await api('GET', `/stays/${encodeURIComponent(state.stay.stayId)}/checks`);
    if (!r.ok) return showProblem(r);
    const checks = r.data.checks;
    fill(
      $('#check-log'),
      checks.length
        ? table(
            [t('check.when'), t('check.slot'), t('check.temp'), t('check.symptoms'), t('check.by')],
            checks.map((c) => [c.date, t(`slot.${c.slot}`), c.original ? `${c.temperatureC.toFixed(1)} (${t('check.was', { temp: c.original.temperatureC.toFixed(1) })})` : c.temperatureC.toFixed(1), [...c.symptoms.map((x) => t(`sym.${x}`)), c.note].filter(Boolean).join(', '), isoToLocal(c.measuredAt, tz()).slice(11)]),
            (i) => (checks[i].alert ? 'alert' : undefined),
          )
        : h('p', { text: t('check.none') }),
    );
  }
  async function recordCheck(e) {
    e.preventDefault();
    const form = e.currentTarget;
    clearBanner();
    clearFieldErrors(form);
    const body = formJson(form);
    if (!body.symptoms) body.symptoms = [];
    const replace = $('#c-replace').checked;
    const stay = state.stay;
    await submitting(form, async () => {
      const r = await api('POST', `/stays/${encodeURIComponent(stay.stayId)}/checks${replace ? '?replace=true' : ''}`, body);
      if (state.stay !== stay) return; // another file was opened meanwhile: its page is not this answer's
      const out = $('#check-result');
      if (!r.ok) {
        if (r.status === 409 && r.data && (r.data.reasons || []).some((x) => x.code === 'check_exists')) {
          $('#c-replace-wrap').hidden = false;
          $('#c-reason-wrap').hidden = false;
          $('#c-reason').disabled = false;
          result(out, [t('check.exists')], 'warn');
          $('#c-replace').focus();
          return;
        }
        out.replaceChildren();
        return showProblem(r, form);
      }
      const c = r.data.check;
      result(out, [t('check.saved', { temp: c.temperatureC.toFixed(1), slot: t(`slot.${c.slot}`), date: c.date }), c.alert ? h('p', { class: 'urgent', text: t('check.alert') }) : ''], c.alert ? 'bad' : '');
      form.reset();
      markClean(form);
      defaultSlot();
      $('#c-replace-wrap').hidden = true;
      $('#c-replace').checked = false;
      $('#c-reason-wrap').hidden = true;
      $('#c-reason').disabled = true;
      state.stay.checksToday = r.data.today;
      renderStay();
      await loadChecks();
    });
  }
  async function loadSituations() {
    const r = await api('GET', `/stays/${encodeURIComponent(state.stay.stayId)}/situations`);
    if (!r.ok) return showProblem(r);
    const list = r.data.situations;
    fill($('#sit-list'), list.length ? list.map((s) => h('li', {}, h('strong', { text: t(`kind.${s.kind}`) }), ' ', h('span', { class: 'meta', text: isoToLocal(s.recordedAt, tz()).replace('T', ' ') }), h('p', { text: s.text }))) : [h('li', { text: t('sit.none') })]);
  }
  async function addSituation(e) {
    e.preventDefault();
    const form = e.currentTarget;
    clearBanner();
    clearFieldErrors(form);
    const stay = state.stay;
    await submitting(form, async () => {
      const r = await api('POST', `/stays/${encodeURIComponent(stay.stayId)}/situations`, formJson(form));
      if (state.stay !== stay) return;
      if (!r.ok) return showProblem(r, form);
      form.reset();
      markClean(form);
      say(t('sit.saved'));
      await loadSituations();
    });
  }
  async function saveDeparture(e) {
    e.preventDefault();
    const form = e.currentTarget;
    clearBanner();
    clearFieldErrors(form);
    const stay = state.stay;
    await submitting(form, async () => {
      const r = await api('PUT', `/stays/${encodeURIComponent(stay.stayId)}/departure`, formJson(form));
      if (state.stay !== stay) return;
      const out = $('#dep-result');
      if (!r.ok) {
        out.replaceChildren();
        return showProblem(r, form);
      }
      markClean(form);
      const d = r.data;
      result(out, [t('dep.saved', { mode: t(`mode.${d.mode}`), number: d.number || '', date: d.localDate, time: d.localTime })]);
    });
  }
  async function changeSchedule(e) {
    e.preventDefault();
    const form = e.currentTarget;
    clearBanner();
    clearFieldErrors(form);
    const stay = state.stay;
    await submitting(form, async () => {
      const r = await api('PUT', `/stays/${encodeURIComponent(stay.stayId)}/schedule`, formJson(form));
      if (state.stay !== stay) return;
      const out = $('#sched-result');
      if (!r.ok) {
        out.replaceChildren();
        return showProblem(r, form);
      }
      state.stay = { ...state.stay, policy: r.data.policy, schedule: r.data.schedule };
      renderStay();
      $('#p-reason').value = '';
      markClean(form);
      const warnings = (r.data.warnings || []).map((w) => w.message);
      result(out, [t('sched.saved', { end: r.data.schedule.endDate, days: r.data.policy.stayDays, doc: r.data.schedule.documentDate }), ...warnings], warnings.length ? 'warn' : undefined);
    });
  }
  async function release() {
    const s = state.stay;
    clearBanner();
    if (!window.confirm(t('rel.confirm', { name: s.person.nameNative, room: s.roomNumber }))) return;
    const btn = $('#release');
    btn.disabled = true;
    const out = $('#release-result');
    try {
      const r = await api('POST', `/stays/${encodeURIComponent(s.stayId)}/release`, {});
      if (r.routeMissing) return result(out, [t('rel.unavailable')], 'warn');
      if (!r.ok) {
        out.replaceChildren();
        return showProblem(r);
      }
      // A document the record does not allow yet (a certificate awaiting a doctor's sign-off) is withheld, with why.
      const withheld = (r.data.withheld || []).map((w) => `${t(`docType.${w.type}`)}: ${w.reasons.map(reasonText).join(' · ')}`);
      result(out, [t('rel.done', { name: s.person.nameNative, room: s.roomNumber }), ...withheld], withheld.length ? 'warn' : undefined);
      // The file now shows the released stay (no reload: that would clear the one-time keys).
      state.stay = { ...s, status: 'released' };
      renderStay();
      showSlip(s, r.data);
    } finally {
      btn.disabled = state.stay.status !== 'active';
    }
  }
  /** The download link's QR code, drawn from the path the server sends (no QR library in the page). */
  function qrSvg(qr, label) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
    svg.setAttribute('class', 'qr');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    const bg = document.createElementNS(ns, 'rect');
    bg.setAttribute('width', String(qr.size));
    bg.setAttribute('height', String(qr.size));
    bg.setAttribute('fill', '#fff');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', qr.path);
    svg.append(bg, path);
    return svg;
  }
  /** The printable release slip: the documents with their download links, access keys and QR codes. */
  function showSlip(s, data) {
    const slip = $('#slip');
    const docs = (data && data.documents) || [];
    fill(
      slip,
      h('h2', { text: `${t('rel.slip')} · ${state.facility.name}` }),
      h('p', { text: `${s.person.nameNative} ${s.person.nameLatin} · ${t('transport.room')} ${s.roomNumber} · ${data.releasedDate || todayLocal()}` }),
      docs.map((d) =>
        h(
          'div',
          { class: 'slip-doc' },
          d.downloadQr ? qrSvg(d.downloadQr, `${t(`docType.${d.type}`)} QR`) : '',
          h(
            'dl',
            {},
            h('dt', { text: t('stay.document') }),
            h('dd', { text: t(`docType.${d.type}`) }),
            h('dt', { text: 'ID' }),
            h('dd', { text: d.documentId || '' }),
            h('dt', { text: t('rel.key') }),
            h('dd', { class: 'key', text: d.key || '' }),
            h('dd', {}, d.downloadUrl ? h('a', { href: d.downloadUrl, text: t('rel.download') }) : '', ' ', d.verifyUrl ? h('a', { href: d.verifyUrl, text: t('rel.verify') }) : ''),
          ),
        ),
      ),
      h('button', { type: 'button', onclick: () => { document.body.classList.add('printing'); window.print(); document.body.classList.remove('printing'); } }, t('rel.print')),
    );
    slip.hidden = false;
    $('#release-result').append(h('p', {}, h('a', { href: '#slip', text: t('rel.slip') })));
  }

  // ---------------------------------------------------------------- today sheet
  async function showToday(e) {
    if (e) e.preventDefault();
    const date = $('#t-date').value || todayLocal();
    $('#t-date').value = date;
    say(t('loading'));
    const r = await api('GET', `/facilities/${fid()}/today?date=${encodeURIComponent(date)}`);
    say('');
    if (!r.ok) return showProblem(r, $('#today-form'));
    const s = r.data;
    const card = (k, n) => h('div', {}, h('strong', { text: String(n) }), t(k));
    const who = (list, fn) => (list.length ? h('ul', {}, list.map((x) => h('li', { text: fn(x) }))) : h('p', { text: t('today.none') }));
    fill(
      $('#today-out'),
      h('div', { class: 'cards' }, card('today.occupants', s.summary.occupants), card('today.birthdays', s.summary.birthdays), card('today.standby', s.summary.medicalStandby), card('today.retests', s.summary.retestsDue), card('today.documents', s.summary.documentsDue), card('today.missing', s.summary.missingChecks), card('today.alerts', s.summary.alerts)),
      h('section', { class: 'card' }, h('h3', { text: t('today.birthdays') }), who(s.birthdays, (b) => t('today.cake', { name: b.nameNative, room: b.roomNumber, age: b.turns }))),
      h('section', { class: 'card' }, h('h3', { text: t('today.meals') }), s.meals.map((m) => h('div', {}, h('h4', { text: `${t(`meal.${m.meal}`)} · ${t('today.portions', { n: m.portions })}` }), m.notes.length ? h('ul', {}, m.notes.map((n) => h('li', { text: `${n.roomNumber} ${n.nameNative}: ${[n.diet, n.ethnicity].filter(Boolean).join(' · ')}` }))) : h('p', { class: 'meta', text: t('today.noNotes') })))),
      h('section', { class: 'card' }, h('h3', { text: t('today.standby') }), who(s.medicalStandby, (x) => `${x.roomNumber} ${x.nameNative}: ${x.conditions.map((c) => t(`cond.${c}`)).join(', ')}`)),
      h('section', { class: 'card' }, h('h3', { text: t('today.retests') }), who(s.retestsDue, (x) => `${x.roomNumber} ${x.nameNative} (${t('board.day', { n: x.dayOfStay })})`)),
      table(
        [t('today.room'), t('today.name'), t('today.day'), t('today.diet'), t('today.ethnicity'), t('today.conditions'), t('today.checks'), t('today.flags')],
        s.occupants.map((o) => [
          o.roomNumber,
          h('a', { href: `#stay/${o.stayId}`, text: `${o.nameNative} ${o.nameLatin}` }),
          String(o.dayOfStay),
          o.diet || '',
          o.ethnicity || '',
          o.specialConditions.map((c) => t(`cond.${c}`)).join(', '),
          h('span', { class: 'badges' }, checkBadges(o.checks)),
          [o.birthday && t('flag.birthday'), o.retestDue && t('flag.retest'), o.documentsDue && t('flag.documents'), o.lastDay && t('flag.lastDay')].filter(Boolean).join(', '),
        ]),
        (i) => (s.occupants[i].checks.alert ? 'alert' : undefined),
      ),
    );
  }

  // ---------------------------------------------------------------- transport
  function transportQuery(format) {
    const date = $('#p-date').value || todayLocal();
    $('#p-date').value = date;
    return `/facilities/${fid()}/transport?date=${encodeURIComponent(date)}&windowMinutes=${encodeURIComponent($('#p-window').value)}${format ? `&format=${format}` : ''}`;
  }
  async function showTransport(e) {
    if (e) e.preventDefault();
    say(t('loading'));
    const r = await api('GET', transportQuery());
    say('');
    if (!r.ok) return showProblem(r, $('#transport-form'));
    const p = r.data;
    if (!p.total) return fill($('#transport-out'), h('p', { class: 'card', text: t('transport.none') }));
    fill(
      $('#transport-out'),
      h('p', { class: 'summary', text: t('transport.total', { total: p.total, ...p.byMode }) }),
      p.groups.map((g) =>
        h(
          'section',
          { class: 'card' },
          h('h3', { text: t('transport.group', { mode: t(`mode.${g.mode}`), from: g.window.from, to: g.window.to, n: g.count }) }),
          g.byNumber.length ? h('p', { class: 'meta', text: g.byNumber.map((b) => `${b.number} × ${b.count}`).join(' · ') }) : '',
          table([t('transport.time'), t('transport.number'), t('transport.room'), t('transport.name'), t('transport.dest')], g.people.map((x) => [x.localTime, x.number || '', x.roomNumber, `${x.nameNative} ${x.nameLatin}`, `${x.destination.city}, ${x.destination.country}`])),
        ),
      ),
    );
  }
  async function transportCsv() {
    clearBanner();
    const r = await api('GET', transportQuery('csv'), undefined, { raw: true });
    if (r.network) return banner([t('err.network')]);
    if (!r.ok) return showProblem({ ...r, data: await r.res.json().catch(() => null) });
    const blob = await r.res.blob();
    const name = /filename="([^"]+)"/.exec(r.res.headers.get('content-disposition') || '');
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name ? name[1] : 'transport.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---------------------------------------------------------------- reminders
  async function showReminders() {
    const out = $('#reminders-out');
    say(t('loading'));
    const r = await api('GET', `/facilities/${fid()}/reminders`);
    say('');
    if (r.routeMissing) return fill(out, h('p', { class: 'result warn', text: t('reminders.unavailable') }));
    if (!r.ok) return showProblem(r);
    const list = Array.isArray(r.data) ? r.data : r.data.reminders || r.data.items || [];
    if (!list.length) return fill(out, h('p', { class: 'card', text: t('reminders.none') }));
    fill(
      out,
      h('ul', { class: 'plain card' }, list.map((x) =>
        h('li', {},
          x.urgent ? h('strong', { class: 'urgent', text: `${t('reminders.urgent')} · ` }) : '',
          h('strong', { text: x.title || x.kind }),
          ' ',
          h('span', { class: 'meta', text: x.date || '' }),
          h('ul', {}, (x.lines || []).map((l) => h('li', {}, l.stayId ? h('a', { href: `#stay/${l.stayId}`, text: [l.roomNumber, l.name].filter(Boolean).join(' ') || l.stayId }) : '', ` ${l.day ? t('board.day', { n: l.day }) : ''} ${l.note || ''}`))),
        ),
      )),
    );
  }

  // ---------------------------------------------------------------- router
  const VIEWS = ['signin', 'board', 'register', 'manifest', 'stay', 'today', 'transport', 'reminders'];
  async function route() {
    const [name, arg] = location.hash.replace(/^#/, '').split('/');
    const signedIn = Boolean(state.token && state.facility);
    let view = VIEWS.includes(name) ? name : signedIn ? 'board' : 'signin';
    if (name === 'slip') return;
    if (!signedIn) view = 'signin';
    else if (view === 'signin') view = 'board';
    for (const v of VIEWS) $(`#view-${v}`).hidden = v !== view;
    if (view !== 'stay') $('#slip').hidden = true;
    for (const a of $$('#nav a')) {
      if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    renderWho();
    if (view === 'board') await showBoard();
    else if (view === 'stay' && arg) await showStay(decodeURIComponent(arg));
    else if (view === 'register' && !$('#r-arrivedAt').value) $('#r-arrivedAt').value = nowLocal();
    else if (view === 'today') await showToday();
    else if (view === 'transport') {
      if (!$('#p-date').value) $('#p-date').value = addDays(todayLocal(), 1);
      await showTransport();
    } else if (view === 'reminders') await showReminders();
  }
  let shownHash = location.hash;
  function navigate() {
    // Leaving a file with unsaved input asks first; staying puts the address back.
    if (location.hash !== shownHash && shownHash.startsWith('#stay/') && !mayLeaveFile()) {
      history.replaceState(null, '', shownHash);
      return;
    }
    shownHash = location.hash;
    clearBanner();
    say('');
    route().then(() => {
      const h2 = $('main section.view:not([hidden]) h2');
      if (h2) {
        h2.setAttribute('tabindex', '-1');
        if (document.activeElement === document.body || document.activeElement === null) h2.focus({ preventScroll: true });
      }
    });
  }

  function init() {
    applyI18n();
    $('#lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('qd.lang', state.lang);
      applyI18n();
      renderWho();
      renderBoard();
      if (state.stay && !$('#view-stay').hidden) renderStay();
    });
    $('#signout').addEventListener('click', signOut);
    $('#s-load').addEventListener('click', loadFacilities);
    $('#signin-form').addEventListener('submit', signIn);
    $('#board-refresh').addEventListener('click', showBoard);
    $('#board-missing-only').addEventListener('change', renderBoard);
    $('#register-form').addEventListener('submit', register);
    $('#manifest-preview').addEventListener('click', previewManifest);
    $('#manifest-send').addEventListener('click', sendManifest);
    $('#manifest-template').addEventListener('click', manifestTemplate);
    $('#manifest-text').addEventListener('input', () => (state.manifestRows = []));
    $('#manifest-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('#manifest-text').value = await file.text();
      state.manifestRows = [];
      previewManifest();
    });
    for (const f of FILE_FORMS) $(f).addEventListener('input', (e) => (e.currentTarget.dataset.dirty = '1'));
    window.addEventListener('beforeunload', (e) => {
      if (fileHasUnsavedInput()) e.preventDefault();
    });
    $('#check-form').addEventListener('submit', recordCheck);
    $('#sit-form').addEventListener('submit', addSituation);
    $('#dep-form').addEventListener('submit', saveDeparture);
    $('#sched-form').addEventListener('submit', changeSchedule);
    $('#release').addEventListener('click', release);
    $('#today-form').addEventListener('submit', showToday);
    $('#transport-form').addEventListener('submit', showTransport);
    $('#transport-csv').addEventListener('click', transportCsv);
    $('#reminders-refresh').addEventListener('click', showReminders);
    for (const el of $$('[data-upper]')) el.addEventListener('change', () => (el.value = el.value.toUpperCase()));
    window.addEventListener('hashchange', navigate);
    navigate();
  }
  init();
})();
