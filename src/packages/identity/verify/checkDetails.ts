import { idProblemMessage, parseIdNumber } from '../../../../core/identity/idNumber';
import { CHINESE_NAME, MOBILE } from '../../../../core/identity/inputPatterns';
import { shanghaiDate } from '../../../../core/time/shanghai';

export interface DetailErrors {
  name?: string;
  idNumber?: string;
  phone?: string;
}

/**
 * Instant feedback while typing, with the same rules the server applies (core/identity). The
 * division check needs data the mini-program does not carry: the server does that one.
 */
export function checkDetails(d: { name: string; idNumber: string; phone: string }, now = new Date()): DetailErrors {
  const errors: DetailErrors = {};
  if (!CHINESE_NAME.test(d.name.replace(/\s+/g, ''))) errors.name = '请填写身份证上的中文姓名';
  const parsed = parseIdNumber(d.idNumber, { today: shanghaiDate(now), divisions: { isKnownPrefix: () => true } });
  if (!parsed.ok) errors.idNumber = idProblemMessage(parsed.problem);
  if (!MOBILE.test(d.phone.replace(/[\s-]/g, ''))) errors.phone = '请填写11位手机号码';
  return errors;
}
