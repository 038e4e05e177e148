import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { maskPhone } from '../../../../../core/privacy/mask';
import { REASON_NAMES } from '../../../../../core/reissue/names';
import { Section } from '../../../../components/Section';
import { SummaryRow } from '../../../../components/SummaryRow';
import { Button } from '../../../../components/nutui';
import type { EligibilityView, ReissueView } from '../../../../services/reissueApi';
import { namesOf } from '../../components/divisions';
import type { ApplyState } from '../applyState';
import { Fee } from './Fee';
import { tappable } from '../../../../components/tappable';

/**
 * The last step: everything the application will say, masked; then apply and pay (or, once
 * applied, pay or look at it later), or go back and change it.
 */
export function Confirm(props: {
  eligibility: EligibilityView;
  idMasked?: string;
  form: Pick<ApplyState, 'reason' | 'delivery' | 'address'>;
  hallName?: string;
  applied?: ReissueView;
  busy: boolean;
  /** The payment stand-in (H5) and whether a payment is under way, from usePayment. */
  payment: { standIn: ReactNode; paying: boolean };
  onSubmit: () => void;
  onBack: () => void;
  onTrack: (id: string) => void;
}) {
  const { eligibility, idMasked, form, hallName, applied, busy, payment, onSubmit, onBack, onTrack } = props;
  const { address } = form;
  return (
    <>
      <Section title="确认申请信息">
        <SummaryRow label="申请人" field="subjectName">
          {eligibility.subjectNameMasked}
          {eligibility.forFamilyMember ? '（代办）' : '（本人）'}
        </SummaryRow>
        <SummaryRow label="身份证号">{idMasked}</SummaryRow>
        <SummaryRow label="补换原因" field="reason">
          {REASON_NAMES[form.reason]}
        </SummaryRow>
        <SummaryRow label="照片">使用存档照片（相貌无变化）</SummaryRow>
        {form.delivery === 'mail' ? (
          <>
            <SummaryRow label="邮寄地址" field="address">
              {namesOf(address.provinceCode, address.cityCode, address.districtCode).join('')}
              {address.detail}
            </SummaryRow>
            <SummaryRow label="收件人">
              {address.recipient} {maskPhone(address.phone)}
            </SummaryRow>
          </>
        ) : (
          <SummaryRow label="领取大厅" field="hall">
            {hallName}
          </SummaryRow>
        )}
      </Section>
      <Fee fee={eligibility.fee} />
      <Text className="notice">提交后请在规定时间内缴费，逾期未缴费的申请将自动取消。审核通过前可随时取消，已缴费用原路退回。</Text>
      {payment.standIn}
      {!payment.paying && (
        <View className="form-actions">
          <Button type="primary" loading={busy} onClick={onSubmit}>
            {applied ? '去缴费' : `提交申请并缴费${eligibility.fee ? ` ¥${eligibility.fee.total}` : ''}`}
          </Button>
          {applied ? (
            <Text className="form-actions__secondary" {...tappable()} onClick={() => onTrack(applied.id)}>
              稍后缴费，查看申请
            </Text>
          ) : (
            <Text className="form-actions__secondary" {...tappable()} onClick={onBack}>
              返回修改
            </Text>
          )}
        </View>
      )}
    </>
  );
}
