import type { AddressInput, ReissueReason } from '../../../services/reissueApi';
import { addressProblem } from '../../../../core/reissue/addressRules';
import type { DeliveryKind } from './applyState';

/**
 * What is still missing before the confirm step, in the order the form asks it (the function
 * checks everything again): the loss report, the photo consent, then the address or the hall.
 */
export function formProblem(form: {
  reason: ReissueReason;
  lossReportedAt: string;
  photoOk: boolean;
  delivery: DeliveryKind;
  address: AddressInput;
  hallChosen: boolean;
}): string | undefined {
  if (form.reason === 'lost' && !form.lossReportedAt) return '请先挂失原身份证';
  if (!form.photoOk) return '请确认相貌无明显变化、同意使用存档照片';
  if (form.delivery === 'mail') return addressProblem(form.address);
  return form.hallChosen ? undefined : '请选择领取证件的大厅';
}
