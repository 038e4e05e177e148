/**
 * Every online business of issue 15 through the local cloud, each started at a Shenzhen hall for
 * 王建国 (local-citizen, born 1985-03-14, household in Haikou) or his mother 张桂兰 (born 1958, whom
 * he acts for): the conditions that are data are checked before a draft exists (with the reason the
 * citizen reads), a city may set its own figures (`business_configs`), and the draft's materials
 * are the guide's.
 */
import { localDatabase } from '../../devcloud/localDatabase';
import { startHarness, type Harness } from '../support/localCloudHarness';
import { at } from './support/bookingFlow';
import { businessFlow } from './support/businessFlow';
import { identityFlow } from './support/identityFlow';

jest.setTimeout(90_000);

let h: Harness;
let b: ReturnType<typeof businessFlow>;
const CITIZEN = 'local-citizen';
const HALL = 'shenzhen-futian';
const TODAY = '2026-03-02';

beforeAll(async () => {
  h = await startHarness();
  h.setNow(at(TODAY, '10:00'));
  b = businessFlow(h);
});
afterAll(async () => {
  await h.close();
});

const apply = (kind: string, details: Record<string, string> = {}, forMemberId?: string) =>
  b.apply(CITIZEN, { kind, hallId: HALL, details, ...(forMemberId ? { forMemberId } : {}) });

/** The required materials the catalogue lists for a business at the hall. */
async function catalogueMaterials(kind: string): Promise<string[]> {
  const { businesses } = await b.ok(CITIZEN, 'businessCatalogue', {});
  const entry = businesses.find((x: { kind: string }) => x.kind === kind);
  expect(entry.halls.map((x: { id: string }) => x.id)).toContain(HALL);
  return entry.materials.filter((m: { required: boolean }) => m.required).map((m: { name: string }) => m.name);
}

async function expectDraft(
  kind: string,
  answer: { ok: boolean; data?: { state: string; kind: string; materials: Array<{ name: string; required: boolean }> }; error?: { code: string } },
) {
  expect(answer.error).toBeUndefined();
  expect(answer.data).toMatchObject({ state: 'draft', kind });
  const required = answer.data!.materials.filter((m) => m.required).map((m) => m.name);
  expect(required.length).toBeGreaterThan(0);
  expect(required).toEqual(await catalogueMaterials(kind));
}

test('parents joining children: the parent must have reached the age (male 60, female 55); a child acting for a mother of 68 may apply', async () => {
  const self = await apply('migrationParentsJoinChildren');
  expect(self.error).toMatchObject({ code: 'BUSINESS_CONDITIONS_UNMET', message: expect.stringContaining('投靠子女的父亲须年满60周岁') });
  await identityFlow(h).ok(CITIZEN, 'addFamilyMember', { name: '张桂兰', idNumber: '460106195801302642', relation: 'parent' });
  await expectDraft('migrationParentsJoinChildren', await apply('migrationParentsJoinChildren', {}, 'resident-004'));
});

test('graduates: within 2 years of graduation, not a date to come', async () => {
  expect((await apply('migrationGraduate')).error).toMatchObject({ code: 'BUSINESS_CONDITIONS_UNMET', message: expect.stringContaining('请填写毕业日期') });
  expect((await apply('migrationGraduate', { graduatedOn: '2026-07-01' })).error?.message).toContain('毕业日期不能晚于今天');
  expect((await apply('migrationGraduate', { graduatedOn: '2024-03-01' })).error?.message).toContain('毕业2年内方可申请毕业生户口迁移');
  await expectDraft('migrationGraduate', await apply('migrationGraduate', { graduatedOn: '2024-03-02' }));
});

test('spouses: the marriage date is asked; a city that asks for years of marriage refuses a recent one', async () => {
  expect((await apply('migrationSpouse')).error?.message).toContain('请填写结婚登记日期');
  await localDatabase(h.cloud.url)
    .collection('business_configs')
    .add({
      _id: HALL,
      conditions: {
        parentsJoinChildren: { maleMinAge: 60, femaleMinAge: 55 },
        graduate: { withinYears: 2 },
        spouse: { minMarriageYears: 2 },
        residencePermit: { minMonthsResident: 6 },
      },
    });
  expect((await apply('migrationSpouse', { marriedOn: '2025-06-01' })).error?.message).toContain('结婚满2年方可申请夫妻投靠');
  await expectDraft('migrationSpouse', await apply('migrationSpouse', { marriedOn: '2020-05-20' }));
});

test('residence permits: six months of residence registration first', async () => {
  expect((await apply('residencePermit', { residenceRegisteredOn: '2025-12-01' })).error?.message).toContain('居住登记满6个月方可申领居住证');
  await expectDraft('residencePermit', await apply('residencePermit', { residenceRegisteredOn: '2025-09-01' }));
});

test('the businesses with no condition in data start at once: college admission, birth registration, birth registration elsewhere, the certificate', async () => {
  await expectDraft('migrationCollegeAdmission', await apply('migrationCollegeAdmission'));
  await expectDraft('birthRegistration', await apply('birthRegistration'));
  await expectDraft('birthRegistrationElsewhere', await apply('birthRegistrationElsewhere'));
  await expectDraft('householdCertificate', await apply('householdCertificate', { purpose: '子女入学' }));
});
