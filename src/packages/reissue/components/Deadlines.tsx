import { Text } from '@tarojs/components';
import type { ReissueView } from '../../../services/reissueApi';
import { SummaryRow } from '../../../components/SummaryRow';
import './reissue.scss';

const STATUS: Record<NonNullable<ReissueView['deadlines']>['status'], string> = {
  onTime: '办理中，未超期',
  pastPromised: '已超过承诺办结时间',
  pastLegal: '已超过法定办理时限',
  met: '已按时办结',
  closed: '申请已结束',
};

/** The legal limit (60 days, more in a remote area) and the promised date; overdue flagged. */
export function Deadlines({ deadlines }: { deadlines: NonNullable<ReissueView['deadlines']> }) {
  return (
    <>
      <SummaryRow label="承诺办结" field="promisedDue">
        {deadlines.promisedDue}
      </SummaryRow>
      <SummaryRow label="法定时限" field="legalDue">
        {deadlines.legalDue}（{deadlines.legalDays}日内）
      </SummaryRow>
      <SummaryRow label="时限状态" field="deadlineStatus">
        <Text className={deadlines.overdue ? 'deadline--overdue' : ''} data-overdue={deadlines.overdue ? 'yes' : 'no'}>
          {deadlines.overdue ? '⚠ ' : ''}
          {STATUS[deadlines.status]}
        </Text>
      </SummaryRow>
    </>
  );
}
