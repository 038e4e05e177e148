import fc from 'fast-check';
import { addressProblem, type TypedAddress } from '../../core/reissue/addressRules';
import { AddressInput } from '../../core/reissue/actions/address';

/**
 * The form's check (before sending) and the function's schema (on arrival) are one rule: any
 * address the form lets through, the function accepts, and any it stops, the function refuses.
 */
const code = fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constantFrom('', '46010', '4601060', '46a106'));
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ minLength: 0, maxLength: 4 }).map((s) => `  ${s}  `),
    fc.constantFrom('海口市龙华区滨海大道 1 号'),
  );
const phone = fc.oneof(
  fc.stringMatching(/^1\d{10}$/),
  fc.stringMatching(/^1\d{10}$/).map((p) => ` ${p} `),
  fc.constantFrom('', '2381234567', '1381234567', '138123456789'),
);
const address: fc.Arbitrary<TypedAddress> = fc.record({
  provinceCode: code,
  cityCode: code,
  districtCode: code,
  detail: text(130),
  recipient: text(34),
  phone,
});

test('the form stops exactly the addresses the function refuses', () => {
  fc.assert(
    fc.property(address, (a) => {
      expect(addressProblem(a) === undefined).toBe(AddressInput.safeParse(a).success);
    }),
    { numRuns: 2000 },
  );
});

test('says what is missing in the order the form asks for it', () => {
  const ok: TypedAddress = { provinceCode: '460000', cityCode: '460100', districtCode: '460106', detail: '滨海大道 1 号', recipient: '王建国', phone: '13812345678' };
  expect(addressProblem(ok)).toBeUndefined();
  expect(addressProblem({ ...ok, districtCode: '', detail: '' })).toBe('请选择省、市、区县');
  expect(addressProblem({ ...ok, detail: '  1号 ' })).toBe('请填写详细地址（街道、门牌、楼栋房号）');
  expect(addressProblem({ ...ok, recipient: '王' })).toBe('请填写收件人姓名');
  expect(addressProblem({ ...ok, phone: '1381234567' })).toBe('请填写11位手机号码');
});
