import { describe, expect, it } from 'vitest';
import { columnOf } from '../../functions/manifest/columns.js';
import { decodeText, parseCsv } from '../../functions/manifest/csv-file.js';
import { fromSerial, readConditions, readCountry, readDate, readDateTime, readFlight, readSex } from '../../functions/manifest/values.js';

describe('manifest cells', () => {
  it('reads dates as Excel and people write them, refusing the ambiguous', () => {
    for (const v of ['1988/7/15', '1988-07-15', '1988.7.15', '1988年7月15日', '19880715', 32339]) expect(readDate(v)).toEqual({ ok: '1988-07-15' });
    expect(readDate(fromSerial(32339))).toEqual({ ok: '1988-07-15' });
    expect(readDate('15/07/1988')).toMatchObject({ code: 'date_format' });
    expect(readDate('1988/2/30')).toMatchObject({ code: 'date_invalid' });
  });

  it('reads local date-times in the facility zone, keeping an explicit offset', () => {
    expect(readDateTime('2026/12/2 2:40', 'Asia/Shanghai')).toEqual({ ok: '2026-12-02T02:40:00+08:00' });
    expect(readDateTime('2026-12-02 14:05:30', 'Europe/Paris')).toEqual({ ok: '2026-12-02T14:05:30+01:00' });
    expect(readDateTime('2026-07-02 14:05', 'Europe/Paris')).toEqual({ ok: '2026-07-02T14:05:00+02:00' });
    expect(readDateTime(46358.5, 'Asia/Shanghai')).toEqual({ ok: '2026-12-02T12:00:00+08:00' });
    expect(readDateTime('2026-12-02T02:40:00Z', 'Asia/Shanghai')).toEqual({ ok: '2026-12-02T02:40:00Z' });
    expect(readDateTime('tomorrow', 'Asia/Shanghai')).toMatchObject({ code: 'datetime_format' });
  });

  it('reads 男/女/M/F, country names and codes, flight numbers with spaces, special conditions', () => {
    expect(['男', '女', 'm', 'Female', 'X'].map((v) => readSex(v))).toEqual([{ ok: 'M' }, { ok: 'F' }, { ok: 'M' }, { ok: 'F' }, { ok: 'X' }]);
    expect(readSex('男士')).toMatchObject({ code: 'sex_value' });
    expect(['中国', '法国', 'France', 'fr', 'KOR', '韩国', '香港'].map((v) => readCountry(v))).toEqual(['CN', 'FR', 'FR', 'FR', 'KR', 'KR', 'HK'].map((ok) => ({ ok })));
    expect(readFlight('ca 934')).toEqual({ ok: 'CA934' });
    expect(readConditions('孕妇、慢性病, child')).toEqual({ ok: ['pregnancy', 'chronic_illness', 'child'] });
  });

  it('matches Chinese, English and bilingual headers', () => {
    expect(['姓名', 'Name', '姓名 / Name *', '护照号码', 'Passport No.', '出生日期（必填）', 'ＤＯＢ'].map((h) => columnOf(h)?.field)).toEqual(['nameNative', 'nameNative', 'nameNative', 'documentNumber', 'documentNumber', 'birthDate', 'birthDate']);
    expect(columnOf('序号')).toBeUndefined();
  });

  it('detects UTF-8, UTF-16 and GB18030 text and refuses what is neither', () => {
    expect(decodeText(Buffer.from('\uFEFF张伟', 'utf8'))).toEqual({ text: '张伟', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x20, 0x5f, 0x1f, 0x4f]))).toEqual({ text: '张伟', encoding: 'utf-16le' });
    expect(decodeText(Buffer.from([0xd5, 0xc5, 0xce, 0xb0]))).toEqual({ text: '张伟', encoding: 'gb18030' });
    expect(() => decodeText(Buffer.from([0x41, 0xff, 0xff]))).toThrow();
    expect(parseCsv('a\tb\r\n"x\ty"\t2\r\n')).toEqual([['a', 'b'], ['x\ty', '2']]);
  });
});
