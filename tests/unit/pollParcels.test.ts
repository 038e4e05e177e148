/**
 * The shipment poll shared by the reissue and business functions (core/shipping/pollParcels.ts):
 * the courier is asked with the phone's last four digits, deliveries and returns are fired, the
 * carrier's last word is kept with mobile numbers masked, and a lost race is no failure.
 */
import { DomainError } from '../../core/errors/DomainError';
import { FIELD } from '../../core/identity/fieldNames';
import { pollParcels, type TrackedParcel } from '../../core/shipping/pollParcels';
import { ScriptedCourier } from './support/reissueInMemoryPorts';

const secrets = {
  decrypt: (enc: string, field: string) =>
    field === FIELD.phone && enc.startsWith('enc:')
      ? enc.slice(4)
      : (() => {
          throw new Error('bad');
        })(),
};

test('asks with the phone tail, settles deliveries and returns, counts the rest', async () => {
  const courier = new ScriptedCourier();
  courier.answers.set('D1', { state: 'delivered', events: [] });
  courier.answers.set('R1', { state: 'returned', events: [{ at: new Date(0), description: '收件人拒收，派件员 13912345678 已退回，运单 1234567890123' }] });
  courier.answers.set('U1', { state: 'unknown', events: [] });
  const parcels: Array<TrackedParcel | undefined> = [
    { courier: 'sf', trackingNumber: 'D1', phoneEnc: 'enc:13800138000' },
    { courier: 'ems', trackingNumber: 'R1', phoneEnc: 'garbled' },
    { courier: 'ems', trackingNumber: 'U1' },
    { courier: 'ems', trackingNumber: 'T1' },
    undefined,
  ];
  const settled: string[] = [];
  const counts = await pollParcels(
    { courier, secrets },
    parcels,
    (p) => p,
    async (p, event) => settled.push(`${p!.trackingNumber} ${JSON.stringify(event)}`),
  );
  expect(counts).toEqual({ checked: 4, delivered: 1, returned: 1, unknown: 1, failed: 0 });
  expect(courier.asked).toEqual([
    { courier: 'sf', trackingNumber: 'D1', phone: '8000' },
    { courier: 'ems', trackingNumber: 'R1' },
    { courier: 'ems', trackingNumber: 'U1' },
    { courier: 'ems', trackingNumber: 'T1' },
  ]);
  expect(settled).toEqual(['D1 {"type":"deliver"}', 'R1 {"type":"markReturned","note":"收件人拒收，派件员 139****5678 已退回，运单 1234567890123"}']);
});

test('a courier outage is a failure; an officer acting meanwhile (a domain error) is not', async () => {
  const courier = new ScriptedCourier();
  courier.answers.set('D1', { state: 'delivered', events: [] });
  const down = { track: async () => Promise.reject(new Error('ECONNRESET')) };
  const settle = async () => Promise.reject(new DomainError('APPLICATION_VERSION_CONFLICT'));
  const parcel = [{ courier: 'ems', trackingNumber: 'D1' }];
  expect(await pollParcels({ courier, secrets }, parcel, (p) => p, settle)).toMatchObject({ checked: 1, delivered: 0, failed: 0 });
  expect(await pollParcels({ courier: down, secrets }, parcel, (p) => p, settle)).toMatchObject({ checked: 1, failed: 1 });
});
