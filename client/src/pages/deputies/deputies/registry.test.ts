import { describe, expect, it } from 'vitest';
import { badRowCount, DEFAULT_PAGE_SIZE, exportFilter, readFilter, readImportRows, reportCsv, termName, writeFilter } from './registry';

describe('the registry filter in the address bar', () => {
  it('reads known values and drops the rest', () => {
    const filter = readFilter(new URLSearchParams('q=%20李%20&level=Township&status=Nope&term=17&page=3&pageSize=500'));
    expect(filter).toEqual({ search: '李', level: 'Township', status: undefined, term: 17, page: 3, pageSize: 200 });
    expect(readFilter(new URLSearchParams('term=0&page=-2'))).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it('writes back only what differs from the defaults, and the export takes the filter without paging', () => {
    const filter = { search: '王', level: 'District' as const, status: 'Serving' as const, term: 17, page: 1, pageSize: DEFAULT_PAGE_SIZE };
    expect(writeFilter(filter).toString()).toBe('q=%E7%8E%8B&level=District&status=Serving&term=17');
    expect(readFilter(writeFilter({ ...filter, page: 2, pageSize: 50 }))).toEqual({ ...filter, page: 2, pageSize: 50 });
    expect(exportFilter(filter)).toEqual({ search: '王', level: 'District', status: 'Serving', term: 17 });
  });

  it('keeps the group, the station and the points band, and drops what is not an id or a count', () => {
    const id = '01a2335c-0a57-7770-b9a8-74a5fa00bbe9';
    const filter = readFilter(new URLSearchParams(`group=${id}&station=${id}&minPoints=0&maxPoints=80`));
    expect(filter).toEqual({ groupId: id, stationId: id, minPoints: 0, maxPoints: 80, page: 1, pageSize: DEFAULT_PAGE_SIZE });
    expect(readFilter(writeFilter(filter))).toEqual(filter);
    expect(exportFilter(filter)).toEqual({ groupId: id, stationId: id, minPoints: 0, maxPoints: 80 });
    expect(readFilter(new URLSearchParams('group=1%20OR%201&station=x&minPoints=-1&maxPoints=1.5'))).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });
});

describe('the import report', () => {
  const problem = {
    code: 'deputies.import_invalid',
    rows: [
      { row: 3, column: '手机号', message: '手机号“1234”格式不正确' },
      { row: 3, column: '性别', message: '性别“男性”无法识别,应为“男”或“女”。' },
      { row: 5, column: '姓名', message: '=HYPERLINK("x")' },
      'junk',
    ],
  };

  it('reads the rows of a refused import and nothing else', () => {
    const rows = readImportRows(problem)!;
    expect(rows).toHaveLength(3);
    expect(badRowCount(rows)).toBe(2);
    expect(readImportRows({ code: 'validation', errors: {} })).toBeUndefined();
    expect(readImportRows(undefined)).toBeUndefined();
  });

  it('writes a CSV Excel opens in Chinese, with quotes and formulas made harmless', () => {
    const csv = reportCsv(readImportRows(problem)!, ['行号', '列', '错误说明']);
    expect(csv.startsWith('\uFEFF行号,列,错误说明\r\n')).toBe(true);
    expect(csv).toContain('3,性别,"性别“男性”无法识别,应为“男”或“女”。"\r\n');
    expect(csv).toContain(`5,姓名,"'=HYPERLINK(""x"")"\r\n`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('term names', () => {
  it('are written in Chinese numerals', () => {
    expect([9, 10, 16, 17, 20, 21].map(termName)).toEqual(['第九届', '第十届', '第十六届', '第十七届', '第二十届', '第二十一届']);
  });
});
