import { Image, Text, View } from '@tarojs/components';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import type { CaseFile } from '../../../services/reissueApi';
import './caseFile.scss';

/** The photo on file and who the card is for: what the officer compares and decides on. */
export function PersonAndPhoto({ file }: { file: CaseFile }) {
  const { subject, photo, card } = file;
  return (
    <Section title="存档照片与证件信息">
      <View className="case-person">
        <View className="case-photo" data-field="photo" data-photo={photo.onFile ? 'onFile' : 'none'}>
          {photo.onFile ? (
            <Image
              className="case-photo__img"
              src={photo.dataUrl}
              mode="aspectFill"
              ariaLabel={`${subject.name}的存档照片`}
              // H5: Taro puts nativeProps on the <img> itself, where screen readers look for the text.
              nativeProps={{ alt: `${subject.name}的存档照片` }}
            />
          ) : (
            <Text className="case-photo__none">无留存照片</Text>
          )}
        </View>
        <View className="case-person__facts">
          <Text className="case-person__name" data-field="caseName">
            {subject.name}
          </Text>
          <Text className="case-person__line">
            {subject.sexName} · {subject.age}岁{subject.byFamilyMember ? ' · 家属代办' : ''}
          </Text>
          <Text className="case-person__line" data-field="idNumberMasked">
            {subject.idNumberMasked}
          </Text>
          {photo.onFile && (
            <Text className="case-person__hint">
              照片拍摄于 {photo.takenOn ?? card.photoTakenOn ?? '未知'}
              {photo.sample ? '（本地演示图）' : ''}
            </Text>
          )}
        </View>
      </View>
      <SummaryRow label="签发日期" field="cardIssuedOn">
        {card.issuedOn ?? '无办证记录'}
      </SummaryRow>
      {card.validityName && (
        <SummaryRow label="有效期限" field="cardValidity">
          {card.validityName}
          {card.validUntil && card.validUntil !== '长期' ? `，至 ${card.validUntil}` : ''}
        </SummaryRow>
      )}
      <SummaryRow label="指纹信息" field="fingerprints">
        {card.fingerprintsOnFile ? '已采集' : '未采集'}
      </SummaryRow>
      <SummaryRow label="照片沿用" field="photoReused">
        {card.photoReused ? '已沿用过一次' : '未沿用过'}
        {file.appearanceUnchangedDeclared ? '；申请人声明相貌无明显变化' : ''}
      </SummaryRow>
      <SummaryRow label="挂失" field="lostReported">
        {card.lostReportedAt ? `已于 ${card.lostReportedAt} 挂失，原证已作废` : '未挂失'}
      </SummaryRow>
      <View className={`case-checks ${file.checks.length ? 'case-checks--fail' : ''}`} data-field="checks" role={file.checks.length ? 'alert' : undefined}>
        {file.checks.length === 0 ? (
          <Text>今日复核：网上补换领条件均满足</Text>
        ) : (
          file.checks.map((c) => (
            <Text key={c.code} className="case-checks__item">
              {c.message}
            </Text>
          ))
        )}
      </View>
    </Section>
  );
}

/** Mail delivery: what goes on the waybill. */
export function Waybill({ file }: { file: CaseFile }) {
  if (!file.recipient) return null;
  const { recipient } = file;
  return (
    <Section title="寄递信息">
      <SummaryRow label="收件人" field="recipientName">
        {recipient.name}
      </SummaryRow>
      <SummaryRow label="联系电话" field="recipientPhone">
        {recipient.phone}
      </SummaryRow>
      <SummaryRow label="收件地址" field="recipientAddress">
        {recipient.address}
      </SummaryRow>
    </Section>
  );
}
