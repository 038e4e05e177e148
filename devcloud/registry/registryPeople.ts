import { maskIdNumber } from '../../core/privacy/mask';
import type { SyntheticResident } from '../seed/loadResidents';
import { placeholderPortrait } from './placeholderPortrait';
import type { Card, Person } from '../../server/registry/registryWire';

/** One person as the local registry stand-in keeps them (synthetic, data/residents.json). */
export interface StandInPerson {
  personId: string;
  idNumber: string;
  name: string;
  householdId: string;
  relationToHead: string;
  birthDate: string;
  sex: 'male' | 'female';
  divisionCode: string;
  fingerprintsOnFile: boolean;
  cardIssuedOn?: string;
  /** ISO instant of the first loss report. */
  cardLostAt?: string;
  /** false: the card's photo is gone from the file (tests). */
  photoOnFile?: boolean;
  photoReused?: boolean;
  /** The mobile number on file (GET /v1/persons/{personId}/contact). */
  mobile?: string;
}

export function standInPerson(r: SyntheticResident): StandInPerson {
  return {
    personId: r._id,
    idNumber: r.parsed.number,
    name: r.name,
    householdId: r.householdId,
    relationToHead: r.relationToHead,
    birthDate: r.parsed.birthDate,
    sex: r.parsed.sex,
    divisionCode: r.parsed.divisionCode,
    fingerprintsOnFile: r.fingerprintsOnFile,
    ...(r.cardIssuedOn ? { cardIssuedOn: r.cardIssuedOn } : {}),
    ...(r.mobile ? { mobile: r.mobile } : {}),
  };
}

/** The person as the contract answers them: no name, the number masked. */
export function personAnswer(p: StandInPerson): Person {
  return {
    personId: p.personId,
    householdId: p.householdId,
    relationToHead: p.relationToHead,
    birthDate: p.birthDate,
    sex: p.sex,
    divisionCode: p.divisionCode,
    idNumberMasked: maskIdNumber(p.idNumber),
  };
}

export function cardAnswer(p: StandInPerson): Card {
  const onFile = Boolean(p.cardIssuedOn) && p.photoOnFile !== false;
  return {
    status: !p.cardIssuedOn ? 'none' : p.cardLostAt ? 'lost' : 'valid',
    issuedOn: p.cardIssuedOn ?? null,
    fingerprintsOnFile: p.fingerprintsOnFile,
    lostAt: p.cardLostAt ?? null,
    photo: { onFile, takenOn: onFile ? (p.cardIssuedOn ?? null) : null, reused: Boolean(p.photoReused) },
  };
}

/** The synthetic people have no photographs: a drawn stand-in marked as such, dated by the card. */
export function photoAnswer(p: StandInPerson) {
  if (!p.cardIssuedOn || p.photoOnFile === false) return null;
  const svg = placeholderPortrait(p.personId, p.sex);
  return { mimeType: 'image/svg+xml' as const, base64: Buffer.from(svg, 'utf8').toString('base64'), takenOn: p.cardIssuedOn, sample: true };
}
