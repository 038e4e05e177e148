import { DomainError } from '../errors/DomainError';
import { shanghaiDate } from '../time/shanghai';
import { idProblemMessage, parseIdNumber, type DivisionDirectory } from './idNumber';
import { CHINESE_NAME, MOBILE } from './inputs';

export interface CheckedPerson {
  name: string;
  idNumber: string;
  birthDate: string;
}

/** Checks a name and an ID number as typed by a citizen; throws the specific catalogue error. */
export function checkPerson(name: string, idNumber: string, now: Date, divisions: DivisionDirectory): CheckedPerson {
  const cleanName = name.normalize('NFKC').replace(/\s+/g, '');
  if (!CHINESE_NAME.test(cleanName)) throw new DomainError('NAME_INVALID');
  const parsed = parseIdNumber(idNumber, { today: shanghaiDate(now), divisions });
  if (!parsed.ok) throw new DomainError('ID_NUMBER_INVALID', idProblemMessage(parsed.problem));
  return { name: cleanName, idNumber: parsed.id.number, birthDate: parsed.id.birthDate };
}

export function checkPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!MOBILE.test(digits)) throw new DomainError('PHONE_INVALID');
  return digits;
}
